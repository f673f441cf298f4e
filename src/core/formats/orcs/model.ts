/** ORCS sessions in the normalised model (src/shared/model.ts, src/shared/panels/orcs.ts). */
import type { CompactedSpan, SessionDetail, SessionSummary, Turn, TurnPage } from '../../../shared/model';
import type { OrcsPanels, OrcsTrigger } from '../../../shared/panels/orcs';
import type { ConversationTurn, SessionAsset, TriggerCondition } from './asset';
import { JsonNumber } from './json';
import type { JsonValue } from './json';
import { readSerdeNumber } from './numbers';
import type { SessionDigest } from './store';
import { isoFromMs } from './store';

const TITLE_LENGTH = 80;

export function summaryOf(rootId: string, d: SessionDigest): SessionSummary {
  const name = d.name !== null && d.name.trim() !== '' ? d.name : null;
  return {
    ref: { root: rootId, id: d.id },
    format: 'orcs',
    title: name ?? titleFromText(d.firstUserText) ?? d.id,
    untitled: name === null,
    createdAt: isoFromMs(d.createdAtMs),
    updatedAt: isoFromMs(d.updatedAtMs),
    projectPath: d.rootPath,
    turnCount: d.turnCount,
    sizeBytes: d.sizeBytes,
    health: { unreadableLines: 0, damaged: d.damaged, chain: null },
    capabilities: {
      rename: d.damaged === null,
      delete: true,
      append: false,
      removeLast: false,
      compact: false,
      setState: false,
      fork: false,
    },
    key: null,
    storage: null,
    state: null,
  };
}

/** The first non-blank line, cut at a grapheme boundary to 80 characters with an ellipsis. */
function titleFromText(text: string | null): string | null {
  const line = text
    ?.split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .find((l) => l !== '');
  if (!line) return null;
  if (line.length <= TITLE_LENGTH) return line;
  let out = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(line)) {
    if (out.length + segment.length > TITLE_LENGTH - 1) break;
    out += segment;
  }
  return `${out.trimEnd()}…`;
}

export function detailOf(summary: SessionSummary, asset: SessionAsset): SessionDetail {
  return {
    summary,
    compactions: asset.history.compacted.map((c): CompactedSpan => ({
      summary: c.summary,
      turnCount: Number(c.turn_count),
      startTime: isoFromMs(c.start_time_ms),
      endTime: isoFromMs(c.end_time_ms),
    })),
    panels: panelsOf(asset),
  };
}

export function turnPage(asset: SessionAsset, from: number, count: number): TurnPage {
  const turns = asset.history.turns;
  return {
    total: turns.length,
    from,
    turns: turns.slice(from, from + count).map((t, i) => turnOf(t, from + i)),
  };
}

function turnOf(t: ConversationTurn, index: number): Turn {
  return {
    index,
    notice: false,
    id: t.id,
    role: t.role,
    text: t.content,
    time: isoFromMs(t.timestamp_ms),
    toolCalls: t.tool_calls.map((call) => ({
      name: call.tool_name,
      arguments: plain(call.args),
      result: plain(call.result),
      success: call.success,
      durationMs: safeNumber(call.duration_ms),
    })),
    tags: t.tags,
    metadata: plainMap(t.metadata),
  };
}

function panelsOf(asset: SessionAsset): OrcsPanels {
  const { preferences: p, project_context: c } = asset;
  return {
    format: 'orcs',
    sessionId: asset.id,
    version: asset.version,
    maxTurns: Number(asset.history.max_turns),
    metadata: plainMap(asset.metadata),
    syncState: 'LocalOnly',
    preferences: {
      codingStyle: {
        preferredLanguages: p.coding_style.preferred_languages,
        indent: p.coding_style.indent,
        indentSize: p.coding_style.indent_size,
        namingConvention: p.coding_style.naming_convention,
        commentStyle: p.coding_style.comment_style,
      },
      communication: {
        verbosity: p.communication.verbosity,
        language: p.communication.language,
        formality: p.communication.formality,
        includeExamples: p.communication.include_examples,
      },
      frequentTools: p.frequent_tools,
      custom: plainMap(p.custom),
    },
    projectContext: {
      rootPath: c.root_path,
      name: c.name,
      technologies: c.technologies,
      keyFiles: c.key_files,
      architectureNotes: c.architecture_notes,
      learnedFacts: c.learned_facts.map((f) => ({
        key: f.key,
        value: f.value,
        source: f.source,
        confidence: f.confidence,
        learnedAt: isoFromMs(f.learned_at_ms),
      })),
      persistentContexts: c.persistent_contexts.map(({ id, timing, content }) => ({ id, timing, content })),
    },
    skillConfigs: [...asset.skill_configs].map(([key, s]) => ({
      key,
      skillId: s.skill_id,
      enabled: s.enabled,
      autoTrigger: { enabled: s.auto_trigger.enabled, triggers: s.auto_trigger.triggers.map(triggerOf) },
      params: plainMap(s.params),
    })),
    componentSnapshots: [...asset.component_snapshots].map(([key, s]) => ({
      key,
      componentFqn: s.component_fqn,
      version: s.version,
      state: plain(s.state),
      metadata: plainMap(s.metadata),
    })),
    grantedCommands: asset.granted_commands.map(({ pattern, kind }) => ({ pattern, kind })),
  };
}

function triggerOf(t: TriggerCondition): OrcsTrigger {
  switch (t.variant) {
    case 'OnFileEdit':
      return { kind: 'OnFileEdit', glob: t.glob };
    case 'OnLLMPreRequest':
    case 'OnLLMPostResponse':
      return { kind: t.variant };
    case 'OnEvent':
      return { kind: 'OnEvent', eventKind: t.kind };
    case 'Interval':
      return { kind: 'Interval', seconds: Number(t.seconds) };
    case 'raw':
      return { kind: 'unknown', raw: plain(t.value) };
  }
}

const safeNumber = (n: bigint): number | null =>
  n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(n) : null;

/**
 * A Value as plain JSON for the contract: numbers as numbers when that loses nothing, integers
 * beyond 2^53 as their digits. Objects come from Object.fromEntries, which defines own properties,
 * so a `__proto__` key in a session stays an ordinary key instead of replacing the prototype.
 */
export function plain(value: JsonValue): unknown {
  if (value instanceof JsonNumber) {
    const n = readSerdeNumberSafe(value.text);
    if (n === null) return value.text;
    if (n.kind === 'f64') return n.value;
    return safeNumber(n.value) ?? n.value.toString();
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Map) return plainMap(value);
  return value;
}

function plainMap(map: Map<string, JsonValue>): Record<string, unknown> {
  return Object.fromEntries([...map].map(([key, v]) => [key, plain(v)]));
}

/** Unknown fields may hold numbers serde would refuse; those are shown as written. */
function readSerdeNumberSafe(token: string): ReturnType<typeof readSerdeNumber> | null {
  try {
    return readSerdeNumber(token);
  } catch {
    return null;
  }
}
