import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AuditEntry, AuditFile, AuditOperation } from '../../shared/history';
import { fromFsError } from '../fs-errors';
import { parseJsonOrUndefined } from '../json';
import { appendLine } from '../jsonl/append';
import type { UndoPlan } from './undo-plan';
import { auditRecordSchema } from './audit-record';
import type { AuditSessionRecord, BeginRecord, EndRecord } from './audit-record';

/** One write as the log tells it: its two lines folded together, and the undo that reversed it. */
export interface LoggedWrite {
  begin: BeginRecord;
  end: EndRecord | null;
  undoneBy: string | null;
}

export interface FileHash {
  file: string;
  sha256Before: string | null;
  sha256After?: string | null;
}

/**
 * `audit.jsonl` in the app-data directory. Every line is one append of one write() (jsonl/append),
 * so the app and the CLI can log at the same time, and a torn last line costs only itself.
 */
export class AuditLog {
  constructor(readonly path: string) {}

  async begin(entry: {
    operation: AuditOperation;
    sessions: AuditSessionRecord[];
    files: FileHash[];
    undoes?: string;
  }): Promise<string> {
    const id = `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
    const record: BeginRecord = {
      version: 1,
      phase: 'begin',
      id,
      time: new Date().toISOString(),
      operation: entry.operation,
      sessions: entry.sessions,
      files: entry.files,
      undoes: entry.undoes ?? null,
    };
    await this.append(record);
    return id;
  }

  async end(
    id: string,
    outcome: {
      status: 'done' | 'failed';
      error?: string;
      sessions: AuditSessionRecord[];
      files: FileHash[];
      detail?: string | null;
      undo?: UndoPlan | null;
    },
  ): Promise<void> {
    const record: EndRecord = {
      version: 1,
      phase: 'end',
      id,
      time: new Date().toISOString(),
      status: outcome.status,
      error: outcome.error ?? null,
      sessions: outcome.sessions,
      files: outcome.files,
      detail: outcome.detail ?? null,
      undo: outcome.undo ?? null,
    };
    await this.append(record);
  }

  /** Every write on record, oldest first. Lines that do not parse are skipped: the log is evidence, not state. */
  async writes(): Promise<LoggedWrite[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw fromFsError(error, 'the audit log');
    }
    const byId = new Map<string, LoggedWrite>();
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const parsed = auditRecordSchema.safeParse(parseJsonOrUndefined(line));
      if (!parsed.success) continue;
      const record = parsed.data;
      if (record.phase === 'begin') {
        if (!byId.has(record.id)) byId.set(record.id, { begin: record, end: null, undoneBy: null });
      } else {
        const write = byId.get(record.id);
        if (write && !write.end) write.end = record;
      }
    }
    const writes = [...byId.values()];
    for (const write of writes) {
      const target = write.begin.undoes === null ? undefined : byId.get(write.begin.undoes);
      if (target && write.end?.status === 'done') target.undoneBy = write.begin.id;
    }
    return writes;
  }

  async write(id: string): Promise<LoggedWrite | undefined> {
    return (await this.writes()).find((write) => write.begin.id === id);
  }

  private async append(record: BeginRecord | EndRecord): Promise<void> {
    try {
      await mkdir(dirname(this.path), { recursive: true });
      await appendLine(this.path, Buffer.from(JSON.stringify(record)), true);
    } catch (error) {
      throw fromFsError(error, 'the audit log');
    }
  }
}

/** Reversible: done, carrying a plan, not itself an undo, and not reversed already. */
export function isUndoable(write: LoggedWrite): boolean {
  return (
    write.end?.status === 'done' &&
    write.end.undo !== null &&
    write.begin.operation !== 'undo' &&
    write.undoneBy === null
  );
}

export function toAuditEntry(write: LoggedWrite): AuditEntry {
  const { begin, end } = write;
  const sessions = end && end.sessions.length > 0 ? end.sessions : begin.sessions;
  return {
    id: begin.id,
    at: begin.time,
    operation: begin.operation,
    sessions: sessions.map((session) => ({
      ref: { root: session.root.id, id: session.id },
      format: session.format,
      title: session.title,
    })),
    files: filesOf(write),
    status: end ? end.status : 'interrupted',
    error: end?.error ?? null,
    detail: end?.detail ?? null,
    undoes: begin.undoes,
    undoneBy: write.undoneBy,
    undoable: isUndoable(write),
  };
}

/** The hashes before as the begin line has them, completed by the end line's. */
function filesOf({ begin, end }: LoggedWrite): AuditFile[] {
  const files = new Map<string, AuditFile>();
  for (const file of begin.files) {
    files.set(file.file, { path: file.file, sha256Before: file.sha256Before, sha256After: null });
  }
  for (const file of end?.files ?? []) {
    const known = files.get(file.file);
    files.set(file.file, {
      path: file.file,
      // A delete hashes its files as they reach the trash: its begin line has no hash yet.
      sha256Before: known?.sha256Before ?? file.sha256Before,
      sha256After: file.sha256After ?? null,
    });
  }
  return [...files.values()];
}
