/**
 * The one contract between the UI (and the CLI) and the core. Every call is `domain.verb` with a
 * zod schema for its input and a type for its output; every host binds exactly these calls.
 */
import { z } from 'zod';
import type { Envelope } from './errors';
import { runStates } from './model';
import type {
  ChainReport,
  CompactPreview,
  FormatId,
  LineageGraph,
  RootInfo,
  SearchedPlace,
  SessionDetail,
  SessionRef,
  SessionSummary,
  TurnPage,
  UnreadableLine,
  WriteResult,
} from './model';
import { formatIds } from './model';
import type {
  AuditEntry,
  BulkDeleteResult,
  BulkRestoreResult,
  PurgeResult,
  TrashItem,
  UndoResult,
} from './history';
import { exportFormats } from './export/types';
import type { ExportOutcome } from './export/types';
import type { IndexInfo, IndexStatus, SearchResponse, SessionPage } from './search';
import type { WatchStatus } from './watch';
import type { LibraryStats, SessionStats } from './stats';

/** Root ids are derived by the core from paths it discovered; they are never paths. */
export const rootIdSchema = z.string().regex(/^[a-z0-9]{1,64}$/, 'not a root id');

/**
 * A session id as any format may spell it: letters (Unicode Alphabetic, which takes in the
 * combining marks ZeroClaw's sanitiser keeps), digits, `_`, `-` and `.`, never starting with a
 * dot, so `..`, separators and NUL can never pass. Each format checks its own, narrower pattern
 * in the core.
 */
export const sessionIdSchema = z
  .string()
  .max(255)
  .regex(/^[\p{Alphabetic}\p{N}_-][\p{Alphabetic}\p{N}._-]*$/u, 'not a session id');

export const sessionRefSchema = z.object({ root: rootIdSchema, id: sessionIdSchema }).strict();

export const titleSchema = z
  .string()
  .trim()
  .min(1, 'a name cannot be empty')
  .max(200, 'a name is at most 200 characters')
  .regex(/^[^\p{Cc}]*$/u, 'a name cannot contain control characters');

/**
 * A folder the core listed while browsing, named by an opaque token it keeps the path of; a token
 * is hex, so no path, `..` or NUL can pass for one.
 */
export const folderIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'not a folder id');

/** Days a deleted session stays in the app trash before it is purged. */
export const trashRetentionDaysSchema = z
  .number()
  .int('whole days only')
  .min(1, 'at least 1 day')
  .max(3650, 'at most 3650 days');

export const themeChoices = ['light', 'dark', 'system'] as const;
export type ThemeChoice = (typeof themeChoices)[number];

export const trashIdSchema = z.string().regex(/^[a-z0-9-]{1,80}$/, 'not a trash id');
export const undoIdSchema = z.string().regex(/^[a-z0-9-]{1,80}$/, 'not an undo id');

/** A message as an agent appends it; the role is the agent's free string, within reason. */
export const messageSchema = z
  .object({
    role: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a role is a short lowercase word'),
    content: z.string().max(16 * 1024 * 1024, 'a message is at most 16 MB'),
  })
  .strict();

const hours = z
  .number()
  .positive()
  .max(24 * 365 * 100);
const seconds = z
  .number()
  .int()
  .min(0)
  .max(60 * 60 * 24 * 365 * 100);

const empty = z.object({}).strict();

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser' | 'cli';
  /** Where the app looked for each format's default sessions directory. */
  searched: SearchedPlace[];
  demoAvailable: boolean;
}

export interface DeleteResult {
  trashId: string;
  summary: SessionSummary;
  /** Pass to undo.apply to put the session back. */
  undoId: string;
}

export interface CleanupResult {
  /** One trash item per session moved. */
  trashIds: string[];
  sessions: SessionSummary[];
  /** One undo for the whole cleanup; null when nothing moved. */
  undoId: string | null;
}

/** What find within a session answers: the matching turns in order, never the turns themselves. */
export interface FindResult {
  /** Indexes of the matching turns, ascending, at most the limit asked for. */
  turns: number[];
  /** Every matching turn. */
  total: number;
  /** Lowercased strings to mark in the turns shown. */
  highlights: string[];
}

export interface OpenExternalResult {
  /** The URL as the allowlist normalised it: only http(s). Null when it was refused. */
  url: string | null;
  /** False where the host has no opener of its own (the browser host); the page opens `url`. */
  opened: boolean;
}

/** A folder met while browsing for a root to add: its token and its last path segment. */
export interface FolderEntry {
  id: string;
  name: string;
}

export interface FolderListing {
  id: string;
  /** For display only: nothing sends it back. */
  path: string;
  parent: FolderEntry | null;
  /** From the file-system root down to this folder, for a breadcrumb. */
  trail: FolderEntry[];
  /** Subfolders, hidden ones (`.claude`) included, by name. */
  folders: FolderEntry[];
  /** The format of the sessions in this folder, when it holds any. */
  format: FormatId | null;
}

/** The app's own settings a person can change in the UI. */
export interface AppSettings {
  trashRetentionDays: number;
}

const rootOnly = z.object({ root: rootIdSchema }).strict();
const folderInput = z.object({ folder: folderIdSchema }).strict();
const browseInput = z.object({ folder: folderIdSchema.optional() }).strict();
const settingsInput = z.object({ trashRetentionDays: trashRetentionDaysSchema.optional() }).strict();
const themeInput = z.object({ theme: z.enum(themeChoices) }).strict();

const refOnly = z.object({ ref: sessionRefSchema }).strict();
const setStateInput = z
  .object({
    ref: sessionRefSchema,
    state: z.enum(runStates),
    turnId: z.string().max(200).nullable().default(null),
  })
  .strict();
const staleInput = z.object({ root: rootIdSchema, ttlHours: hours }).strict();
const hashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'not an entry hash');
const forkInput = z.object({ ref: sessionRefSchema, atHash: hashSchema }).strict();
const compactIntoNewInput = z
  .object({
    ref: sessionRefSchema,
    summary: z
      .string()
      .trim()
      .min(1, 'a summary cannot be empty')
      .max(1024 * 1024),
  })
  .strict();
/** Long enough for any real query; longer input is cut by the query parser, never an error. */
const searchInput = z
  .object({
    query: z.string().max(100_000),
    filters: z
      .object({
        formats: z.array(z.enum(formatIds)).max(8).optional(),
        roots: z.array(rootIdSchema).max(64).optional(),
        project: z.string().max(1000).optional(),
        roles: z.array(z.string().max(32)).max(16).optional(),
        tool: z.string().max(200).optional(),
        from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
        to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
        states: z.array(z.enum(runStates)).max(3).optional(),
        toolFailed: z.boolean().optional(),
      })
      .strict()
      .default({}),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
const pageInput = z
  .object({
    root: rootIdSchema.optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
const exportInput = z.object({ ref: sessionRefSchema, to: z.enum(exportFormats) }).strict();
const refsInput = z.object({ refs: z.array(sessionRefSchema).min(1).max(1000) }).strict();
/** As the search box's: longer input is cut by the query parser, never an error. */
const findInput = z
  .object({
    ref: sessionRefSchema,
    query: z.string().max(100_000),
    limit: z.number().int().min(1).max(100_000).default(10_000),
  })
  .strict();
const trashIdsInput = z.object({ trashIds: z.array(trashIdSchema).min(1).max(1000) }).strict();
const auditInput = z.object({ limit: z.number().int().min(1).max(10_000).default(500) }).strict();
const stuckInput = z.object({ root: rootIdSchema.optional(), thresholdSecs: seconds }).strict();
/** Days back from today; absent for all time. */
const libraryStatsInput = z
  .object({
    root: rootIdSchema.optional(),
    days: z.number().int().min(1).max(36_500).optional(),
  })
  .strict();

/** Binds an input schema to an output type; the output exists only at compile time. */
function call<Input extends z.ZodType, Output>(input: Input): { input: Input; output?: Output } {
  return { input };
}

export const calls = {
  'app.info': call<typeof empty, AppInfo>(empty),
  'app.openExternal': call<z.ZodObject<{ url: z.ZodString }>, OpenExternalResult>(
    z.object({ url: z.string().max(4096) }).strict(),
  ),
  /**
   * Puts text on the clipboard through the host, where the page may not (Electron denies the
   * page every permission, the clipboard's included). `copied: false` leaves it to the page.
   */
  'app.copyText': call<z.ZodObject<{ text: z.ZodString }>, { copied: boolean }>(
    z.object({ text: z.string().max(32 * 1024 * 1024) }).strict(),
  ),
  'roots.list': call<typeof empty, RootInfo[]>(empty),
  /** Adds a folder met in folders.browse as a root (kept in settings.json), its format detected. */
  'roots.add': call<typeof folderInput, RootInfo>(folderInput),
  /**
   * Adds a folder picked in the host's own dialog; `root` is null when the person cancelled.
   * `unsupported` means the host has none (the browser host, the CLI): use folders.browse instead.
   */
  'roots.choose': call<typeof empty, { root: RootInfo | null }>(empty),
  /** An added root is forgotten; a found one is hidden until it is added again. Answers the rest. */
  'roots.remove': call<typeof rootOnly, RootInfo[]>(rootOnly),
  /** Detects the root's format again and lists and indexes its sessions anew. */
  'roots.rescan': call<typeof rootOnly, RootInfo>(rootOnly),
  /** A folder's subfolders, from the user's home when none is named. */
  'folders.browse': call<typeof browseInput, FolderListing>(browseInput),
  'settings.get': call<typeof empty, AppSettings>(empty),
  'settings.update': call<typeof settingsInput, AppSettings>(settingsInput),
  /** Where the host draws its own parts (Electron's native theme); false where it has none. */
  'app.setTheme': call<typeof themeInput, { applied: boolean }>(themeInput),
  'library.openDemo': call<typeof empty, RootInfo[]>(empty),
  'sessions.list': call<z.ZodObject<{ root: z.ZodOptional<typeof rootIdSchema> }>, SessionSummary[]>(
    z.object({ root: rootIdSchema.optional() }).strict(),
  ),
  'sessions.page': call<typeof pageInput, SessionPage>(pageInput),
  'search.query': call<typeof searchInput, SearchResponse>(searchInput),
  'index.status': call<typeof empty, IndexStatus>(empty),
  'index.rebuild': call<typeof empty, IndexStatus>(empty),
  /** Where the index lives on disk, how big it is and how many sessions it holds. */
  'index.info': call<typeof empty, IndexInfo>(empty),
  /** Sessions and turns per day and tool use per tool name, from the index's SQL aggregates. */
  'stats.library': call<typeof libraryStatsInput, LibraryStats>(libraryStatsInput),
  /** How the session directories are watched now; later changes come as watch.status events. */
  'watch.status': call<typeof empty, WatchStatus>(empty),
  'session.get': call<z.ZodObject<{ ref: typeof sessionRefSchema }>, SessionDetail>(
    z.object({ ref: sessionRefSchema }).strict(),
  ),
  'session.turns': call<
    z.ZodObject<{ ref: typeof sessionRefSchema; from: z.ZodNumber; count: z.ZodNumber }>,
    TurnPage
  >(
    z
      .object({
        ref: sessionRefSchema,
        from: z.number().int().min(0),
        count: z.number().int().min(1).max(500),
      })
      .strict(),
  ),
  /** The turns of one session that match a query, in the search box's language. */
  'session.find': call<typeof findInput, FindResult>(findInput),
  /** The session's timeline (at most TIMELINE_CAP rows) and token use, streamed from its files. */
  'session.stats': call<typeof refOnly, SessionStats>(refOnly),
  'session.rename': call<
    z.ZodObject<{ ref: typeof sessionRefSchema; title: typeof titleSchema }>,
    WriteResult
  >(z.object({ ref: sessionRefSchema, title: titleSchema }).strict()),
  'session.delete': call<z.ZodObject<{ ref: typeof sessionRefSchema }>, DeleteResult>(
    z.object({ ref: sessionRefSchema }).strict(),
  ),
  /** Moves several sessions to the trash as one write: one undo puts them all back. */
  'sessions.delete': call<typeof refsInput, BulkDeleteResult>(refsInput),
  /** Newest first; items past the retention setting are purged before the list is made. */
  'trash.list': call<typeof empty, TrashItem[]>(empty),
  'trash.restore': call<z.ZodObject<{ trashId: typeof trashIdSchema }>, WriteResult>(
    z.object({ trashId: trashIdSchema }).strict(),
  ),
  'trash.restoreMany': call<typeof trashIdsInput, BulkRestoreResult>(trashIdsInput),
  /** For good: through the system's trash where the host has one. The UI confirms first. */
  'trash.purge': call<typeof trashIdsInput, PurgeResult>(trashIdsInput),
  /** The app's writes, newest first. */
  'audit.list': call<typeof auditInput, AuditEntry[]>(auditInput),
  'session.append': call<
    z.ZodObject<{ ref: typeof sessionRefSchema; message: typeof messageSchema }>,
    WriteResult
  >(z.object({ ref: sessionRefSchema, message: messageSchema }).strict()),
  'session.removeLast': call<typeof refOnly, WriteResult>(refOnly),
  'session.compactPreview': call<typeof refOnly, CompactPreview>(refOnly),
  'session.compact': call<typeof refOnly, WriteResult>(refOnly),
  'session.unreadable': call<typeof refOnly, UnreadableLine[]>(refOnly),
  'session.setState': call<typeof setStateInput, WriteResult>(setStateInput),
  'sessions.stale': call<typeof staleInput, SessionSummary[]>(staleInput),
  'sessions.cleanup': call<typeof staleInput, CleanupResult>(staleInput),
  'sessions.stuck': call<typeof stuckInput, SessionSummary[]>(stuckInput),
  'session.verify': call<typeof refOnly, ChainReport>(refOnly),
  'session.lineage': call<typeof refOnly, LineageGraph>(refOnly),
  'session.forkAt': call<typeof forkInput, WriteResult>(forkInput),
  'session.compactIntoNew': call<typeof compactIntoNewInput, WriteResult>(compactIntoNewInput),
  /** Saves through the host's own dialog, or hands the page a one-time ticket to download. */
  'session.export': call<typeof exportInput, ExportOutcome>(exportInput),
  /** The session as Markdown for the clipboard; `unsupported` past 16 MB (export a file then). */
  'session.markdown': call<typeof refOnly, { text: string }>(refOnly),
  /** Reverses the write with this id (an audit entry's id), or refuses with `conflict`. */
  'undo.apply': call<z.ZodObject<{ undoId: typeof undoIdSchema }>, UndoResult>(
    z.object({ undoId: undoIdSchema }).strict(),
  ),
  /** Reverses the newest write not yet undone; `not_found` when there is none. */
  'undo.last': call<typeof empty, UndoResult>(empty),
} as const;

export type CallName = keyof typeof calls;
export const callNames = Object.keys(calls) as CallName[];

export type CallInput<K extends CallName> = z.input<(typeof calls)[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<(typeof calls)[K]['input']>;
export type CallOutput<K extends CallName> = NonNullable<(typeof calls)[K]['output']>;

/** What the core implements, one function per call, on already-validated input. */
export type Handlers = { [K in CallName]: (input: ParsedInput<K>) => Promise<CallOutput<K>> };

/** Events the core emits; every host forwards them unchanged. */
export interface Events {
  /**
   * Sessions under a root changed, by our own writes or on disk. `sessions`, when present, names
   * the ones known to have changed (added, changed or removed); without it any may have.
   */
  'library.changed': { root: string | null; sessions?: SessionRef[] };
  /** Indexing moved on; at most a few a second. */
  'index.progress': IndexStatus;
  /** How the session directories are watched changed: a root is polled, gone, back or failing. */
  'watch.status': WatchStatus;
}
export type EventName = keyof Events;
export const eventNames: EventName[] = ['library.changed', 'index.progress', 'watch.status'];

/** The IPC channel an event travels on from the Electron main process to the preload. */
export function eventChannel(name: EventName): string {
  return `event:${name}`;
}

export function isCallName(value: unknown): value is CallName {
  return typeof value === 'string' && Object.hasOwn(calls, value);
}

/** The shape every call answers with on the wire. */
export type CallEnvelope<K extends CallName> = Envelope<CallOutput<K>>;

/** The nested verb shape (`api.sessions.list(...)`) that the preload bridge exposes. */
type DomainOf<K> = K extends `${infer D}.${string}` ? D : never;
type VerbOf<K, D extends string> = K extends `${D}.${infer V}` ? V : never;
export type Bridge = {
  [D in DomainOf<CallName>]: {
    [K in CallName as VerbOf<K, D>]: (input: CallInput<K>) => Promise<CallEnvelope<K>>;
  };
} & {
  events: { [E in EventName]: (listener: (payload: Events[E]) => void) => () => void };
};

export type { SessionRef };
