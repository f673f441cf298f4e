import type {
  ChainReport,
  CompactPreview,
  LineageGraph,
  FormatId,
  RunState,
  SearchedPlace,
  SessionDetail,
  SessionSummary,
  TurnPage,
  UnreadableLine,
} from '../../shared/model';

/** What a format needs to know about the machine to find its default directory. */
export interface Environment {
  home: string;
  vars: Readonly<Record<string, string | undefined>>;
}

/** A root as the core knows it: a directory it discovered or was given, with a detected format. */
export interface RootHandle {
  id: string;
  path: string;
}

/** A session's main file as the search index tracks it. */
export interface SessionFile {
  id: string;
  path: string;
  /** What the index tracks it by: the path, or path#id where several sessions share one file. */
  key: string;
}

/** What a directory read alone can tell, for the index's quick first pass. */
export interface Enumeration {
  sessions: SessionFile[];
  /** Files every session's summary depends on (ZeroClaw's sessions.db holds names and states). */
  shared: string[];
}

/**
 * One format's sessions inside one root, in the normalised model. The store maps ids to files
 * itself: callers never hand it a path, and every id is checked against the format's pattern.
 */
export interface FormatStore {
  /**
   * The format has no place for a name, so the Library keeps names in the app-data directory
   * (NameBook) and `rename` is never called.
   */
  readonly appNames?: true;
  list(): Promise<SessionSummary[]>;
  /** Every session's main file, without parsing any: a cold start lists from this. */
  enumerate(): Promise<Enumeration>;
  /** Sessions only ever grow by appended lines (a rewrite replaces the file), so an index can read just the new turns. */
  readonly appendOnly?: true;
  summary(id: string): Promise<SessionSummary>;
  detail(id: string): Promise<SessionDetail>;
  turns(id: string, from: number, count: number): Promise<TurnPage>;
  /** A null title takes the name away, as an undo of a session's first rename needs. */
  rename(id: string, title: string | null): Promise<SessionSummary>;
  /** Every file that belongs to the session, so a delete can move them all to the trash. */
  files(id: string): Promise<string[]>;
  /** The files a rename or a run state writes, where not the session's own (ZeroClaw's sessions.db). */
  metadataFiles?(id: string): Promise<string[]>;

  // The writes below exist where the format allows them; SessionCapabilities says which.
  append?(id: string, message: { role: string; content: string }): Promise<WriteOutcome>;
  removeLast?(id: string): Promise<WriteOutcome>;
  compactPreview?(id: string): Promise<CompactPreview>;
  compact?(id: string): Promise<WriteOutcome>;
  setState?(id: string, state: RunState, turnId: string | null): Promise<SessionSummary>;
  unreadable?(id: string): Promise<UnreadableLine[]>;
  /** Sessions whose last activity is older than the TTL. */
  stale?(ttlHours: number): Promise<SessionSummary[]>;
  /** Sessions running for longer than the threshold. */
  stuck?(thresholdSecs: number): Promise<SessionSummary[]>;
  /** Recomputes a hash-chained log's chain, streaming, and reports the first bad line. */
  verify?(id: string): Promise<ChainReport>;
  /** The sessions this one was forked or compacted from, and those made from it, within the root. */
  lineage?(id: string): Promise<LineageGraph>;
  /** A new session holding this one's state up to the entry `atHash`; the source is never modified. */
  forkAt?(id: string, atHash: string): Promise<SessionSummary>;
  /** A new session whose history is the given summary, pointing back at this one's head. */
  compactIntoNew?(id: string, summary: string): Promise<SessionSummary>;
  /** Reverses one write from the record it returned, refusing with `conflict` if that is no longer safe. */
  revert?(id: string, step: UndoStep): Promise<SessionSummary>;
}

/** A format's own JSON record of how to reverse one write; the Library keeps it in the app-data directory. */
export type UndoStep = { [key: string]: unknown };

export interface WriteOutcome {
  summary: SessionSummary;
  undo: UndoStep | null;
}

export interface FormatAdapter {
  id: FormatId;
  /** The default places this format's sessions live, in the order the agent itself tries them. */
  defaultPlaces(env: Environment): Promise<SearchedPlace[]>;
  /** How sure we are that a directory holds this format: 0 for not at all. */
  detect(dir: string): Promise<number>;
  open(root: RootHandle): FormatStore;
}
