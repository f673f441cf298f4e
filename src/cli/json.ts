/**
 * The shapes `--json` prints. They are the CLI's own public interface, so they are spelled out
 * here rather than passing the contract's types through: the contract may grow without changing
 * what scripts read.
 */
import type { AuditEntry, TrashItem, UndoResult } from '../shared/history';
import type {
  ChainReport,
  LineageGraph,
  RootInfo,
  SessionRunState,
  SessionSummary,
  ToolCall,
  Turn,
  UnreadableLine,
  WriteResult,
} from '../shared/model';

export function rootJson(root: RootInfo) {
  return { id: root.id, path: root.path, format: root.format, origin: root.origin, exists: root.exists };
}

export function summaryJson(summary: SessionSummary) {
  return {
    root: summary.ref.root,
    id: summary.ref.id,
    format: summary.format,
    title: summary.title,
    createdAt: summary.createdAt,
    updatedAt: summary.updatedAt,
    turnCount: summary.turnCount,
    sizeBytes: summary.sizeBytes,
    unreadableLines: summary.health.unreadableLines,
  };
}

function toolCallJson(call: ToolCall) {
  return {
    name: call.name,
    arguments: call.arguments,
    result: call.result,
    success: call.success,
    durationMs: call.durationMs,
  };
}

export function turnJson(turn: Turn) {
  return { role: turn.role, text: turn.text, time: turn.time, toolCalls: turn.toolCalls.map(toolCallJson) };
}

export function writeResultJson(result: WriteResult) {
  return { summary: summaryJson(result.summary), undoId: result.undoId };
}

export function runStateJson(state: SessionRunState | null) {
  return state && { state: state.state, turnId: state.turnId, turnStartedAt: state.turnStartedAt };
}

export function droppedLineJson(line: UnreadableLine) {
  return {
    lineNumber: line.lineNumber,
    byteOffset: line.byteOffset,
    reason: line.reason,
    preview: line.preview,
  };
}

export function chainReportJson(report: ChainReport) {
  return {
    lines: report.lines,
    headHash: report.headHash,
    ok: report.ok,
    firstBadLine: report.firstBadLine,
    reason: report.reason,
  };
}

export function lineageJson(graph: LineageGraph) {
  return {
    nodes: graph.nodes.map((node) => ({
      root: node.ref.root,
      id: node.ref.id,
      title: node.title,
      createdAt: node.createdAt,
      missing: node.missing,
    })),
    edges: graph.edges.map((edge) => ({
      from: { root: edge.from.root, id: edge.from.id },
      to: { root: edge.to.root, id: edge.to.id },
      kind: edge.kind,
      atHash: edge.atHash,
      atLine: edge.atLine,
    })),
  };
}

export function trashItemJson(item: TrashItem) {
  return {
    trashId: item.trashId,
    deletedAt: item.deletedAt,
    expiresAt: item.expiresAt,
    format: item.format,
    root: { id: item.root.id, path: item.root.path },
    sessionId: item.sessionId,
    title: item.title,
    sizeBytes: item.sizeBytes,
    files: item.files,
    state: item.state,
  };
}

export function auditEntryJson(entry: AuditEntry) {
  return {
    id: entry.id,
    at: entry.at,
    operation: entry.operation,
    sessions: entry.sessions.map((session) => ({
      root: session.ref.root,
      id: session.ref.id,
      format: session.format,
      title: session.title,
    })),
    files: entry.files.map((file) => ({
      path: file.path,
      sha256Before: file.sha256Before,
      sha256After: file.sha256After,
    })),
    status: entry.status,
    error: entry.error,
    detail: entry.detail,
    undoes: entry.undoes,
    undoneBy: entry.undoneBy,
    undoable: entry.undoable,
  };
}

export function undoResultJson(result: UndoResult) {
  return {
    undone: auditEntryJson(result.undone),
    summaries: result.summaries.map(summaryJson),
    message: result.message,
  };
}
