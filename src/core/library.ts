import { EventEmitter } from 'node:events';
import { cp, mkdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { EventName, Events, Handlers, ThemeChoice } from '../shared/api';
import { AppError, toWireError } from '../shared/errors';
import type { TrashItem } from '../shared/history';
import { safeExternalUrl } from '../shared/links';
import { formatIds, noCapabilities } from '../shared/model';
import type { FormatId, RootInfo, SessionRef, SessionSummary, WriteResult } from '../shared/model';
import type { Environment, FormatStore, WriteOutcome } from './formats/format';
import { useStoredDigests } from './formats/yoi/store';
import { useStoredLineIndexes } from './formats/zeroclaw/store';
import { windowExports } from './export';
import type { ExportDocument, SaveExport } from './export';
import { openIndex } from './index/client';
import { streamFind } from './index/find-stream';
import { parseQuery } from './index/query';
import type { IndexClient, WorkerEntry } from './index/client';
import type { LineIndexStore } from './jsonl';
import { NameBook } from './names';
import { renameRetrying } from './rename-retry';
import { sessionStats } from './stats/session';
import { FolderBrowser } from './folders';
import { addedRoots, isDirectory, RootOpener, rootId, searchedPlaces } from './roots';
import type { Root } from './roots';
import { isHidden, SettingsFile, withRootAdded, withRootFormat, withRootRemoved } from './settings';
import { AuditLog, toAuditEntry } from './trash/audit-log';
import { sessionRecord } from './trash/context';
import type { HistoryContext } from './trash/context';
import type { TrashManifest } from './trash/manifest';
import { DAY_MS, expire, purgeItems, restoreItems, trashSessions } from './trash/moves';
import { recorded } from './trash/recorded';
import { Trash } from './trash/trash';
import { undoById, undoLast } from './trash/undo';
import { UndoJournal } from './trash/undo-journal';
import { feedFrom } from './watch/feed';
import { LibraryWatcher } from './watch/watcher';

export interface LibraryOptions {
  /** The app's own state (settings, trash, later the index); never inside an agent's directory. */
  appDataDir: string;
  env: Environment;
  /** Directories named on a command line: when set, only these are used. */
  roots?: string[];
  /** Relative --root paths resolve against this. */
  cwd?: string;
  /** Holds demo/, the bundled sample library. */
  resourcesDir: string;
  host: 'electron' | 'browser' | 'cli';
  version: string;
  /** The host's way to open an allowlisted URL outside the app, where it has one. */
  openExternal?: (url: string) => Promise<void>;
  /** Writes text to the system clipboard, where the host has one of its own (Electron). */
  copyText?: (text: string) => void;
  /** Disposes of a purged file through the system's trash (Electron's shell.trashItem); without it, a real delete. */
  discard?: (path: string) => Promise<void>;
  /** Asks the person for a folder to add as a root (Electron's open dialog); null when cancelled. */
  chooseFolder?: () => Promise<string | null>;
  /** Draws the host's own parts (Electron's nativeTheme) in the theme the person chose. */
  setTheme?: (theme: ThemeChoice) => void;
  /** Saves an export where the person chooses (Electron's save dialog); without it, exports are downloads. */
  saveExport?: SaveExport;
  /** Runs the search index in this worker; without it the index runs inline (the CLI, tests). */
  indexWorker?: WorkerEntry;
  /**
   * Watch the roots and follow changes on disk (the app's hosts). The CLI does not: it lives for
   * one command, and a watcher would keep it alive.
   */
  watch?: boolean;
}

export interface Library {
  handlers: Handlers;
  /** The export a `session.export` ticket names, once (the browser host's download). */
  exportDownload(ticket: string): Promise<ExportDocument | null>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  close(): Promise<void>;
}

/** The one implementation of the contract; every host binds these handlers and nothing else. */
export function createLibrary(options: LibraryOptions): Library {
  const emitter = new EventEmitter();
  const settings = new SettingsFile(join(options.appDataDir, 'settings.json'));
  const trash = new Trash(join(options.appDataDir, 'trash'));
  const journal = new UndoJournal(join(options.appDataDir, 'undo'));
  const audit = new AuditLog(join(options.appDataDir, 'audit.jsonl'));
  const names = new NameBook(options.appDataDir);
  const demoSource = join(options.resourcesDir, 'demo');
  const demoCopy = resolve(options.appDataDir, 'demo');
  const demoFolders = formatIds.map((format) => ({ format, path: join(demoCopy, format) }));
  // The demo is read-only by where it lives, so a --root naming the copy cannot write to it either.
  const opener = new RootOpener(demoFolders.map((folder) => folder.path));
  const readOnlyRoots = new Set(demoFolders.map((folder) => rootId(folder.path)));

  function emit<E extends EventName>(event: E, payload: Events[E]): void {
    emitter.emit(event, payload);
  }

  let index: IndexClient | null = null;
  const feed = feedFrom({ index: () => index, changed: (payload) => emit('library.changed', payload) });
  const watcher = options.watch
    ? new LibraryWatcher({ onChange: feed.onChange, onStatus: (status) => emit('watch.status', status) })
    : null;
  /** The index, told the roots in use; it is opened by the first call that needs it. */
  async function indexed(): Promise<IndexClient> {
    index ??= openIndex(
      { dbPath: join(options.appDataDir, 'index', 'sessions.sqlite'), appDataDir: options.appDataDir },
      {
        onProgress: (status) => emit('index.progress', status),
        onChanged: (changedRoots) =>
          emit('library.changed', { root: changedRoots.length === 1 ? (changedRoots[0] ?? null) : null }),
      },
      options.indexWorker,
    );
    const inUse = (await roots()).flatMap((each) =>
      each.format ? [{ id: each.id, path: each.path, format: each.format }] : [],
    );
    await index.setRoots(inUse);
    // Not awaited: the index's own listing covers what changes before the watcher is ready.
    void watcher?.setRoots(inUse).catch(() => undefined);
    return index;
  }

  let closed = false;
  // Large ZeroClaw sessions keep their line indexes, and large yoi logs their digests, in the
  // index database, which only the index's thread opens. A load may open the index; a save goes
  // only to one already open.
  const lineIndexStore: LineIndexStore = {
    load: async (path, facts) => {
      if (closed) return null;
      try {
        return await (index ?? (await indexed())).lineIndex(path, facts);
      } catch {
        // The index is a cache: when it cannot open or answer, the read scans the file.
        return null;
      }
    },
    save: async (path, facts, bytes) => {
      if (!closed && index) await index.putLineIndex(path, facts, bytes);
    },
  };
  const stopStoringLineIndexes = useStoredLineIndexes(lineIndexStore);
  const stopStoringDigests = useStoredDigests(lineIndexStore);

  /** Brings the index up to date with sessions the app itself just wrote, then says so. */
  async function changed(root: string | null, refs: SessionRef[] = []): Promise<void> {
    if (index) {
      const client = await indexed();
      // The write itself succeeded; an index that cannot follow catches up on its next pass.
      await Promise.all(refs.map((ref) => client.refresh(ref).catch(() => undefined)));
    }
    emit('library.changed', { root });
  }

  async function roots(): Promise<Root[]> {
    if (options.roots && options.roots.length > 0) {
      return opener.explicit(options.roots, options.cwd ?? process.cwd());
    }
    const found = await opener.discovered(options.env);
    const saved = await settings.read();
    if (saved.demo) found.push(...(await demoRoots()));
    // Kept once, so later listings need not look again; a failed write only means they will.
    const learned = (path: string, format: FormatId) =>
      settings.update((current) => withRootFormat(current, path, format)).catch(() => undefined);
    found.push(...(await addedRoots(opener, saved.roots, learned)));
    const seen = new Set<string>();
    return found.filter((root) => !isHidden(saved, root.path) && !seen.has(root.id) && seen.add(root.id));
  }

  /** Roots named with --root are all this run uses: the saved ones are not theirs to change. */
  function manageable(): void {
    if (options.roots && options.roots.length > 0)
      throw new AppError(
        'conflict',
        'The folders for this run were named with --root; start without it to add or remove folders.',
      );
  }

  /** The index and the watcher follow the roots now in use, and the list is told to look again. */
  async function rootsChanged(): Promise<void> {
    const client = await indexed();
    void client.sync().catch(() => undefined);
    emit('library.changed', { root: null });
  }

  async function addRoot(path: string): Promise<RootInfo> {
    manageable();
    if (!(await isDirectory(path))) throw new AppError('not_found', `${path} is not a folder`);
    const key = resolve(path);
    const inUse = async () => (await roots()).find((each) => resolve(each.path) === key);
    const found = (await opener.discovered(options.env)).some((each) => resolve(each.path) === key);
    const demo = demoFolders.some((folder) => resolve(folder.path) === key);
    let format: FormatId | null = null;
    if (!found && !demo && !(await inUse())) {
      format = await opener.detect(path).catch((error: unknown) => {
        throw error instanceof AppError && error.code === 'unsupported'
          ? new AppError('invalid_input', error.message)
          : error;
      });
    }
    await settings.update((current) => withRootAdded(current, key, format, found || demo));
    const added = await inUse();
    if (!added) throw new AppError('not_found', `${path} could not be added`);
    await rootsChanged();
    return toRootInfo(added);
  }

  /** Where the index keeps its database; its size on disk counts the write-ahead files too. */
  const indexPath = join(options.appDataDir, 'index', 'sessions.sqlite');
  const folders = new FolderBrowser(options.env.home, (path) => opener.detect(path));

  async function demoRoots(): Promise<Root[]> {
    const present = await Promise.all(demoFolders.map((folder) => isDirectory(folder.path)));
    return demoFolders
      .filter((_, i) => present[i])
      .map((folder) => opener.open(folder.path, folder.format, 'demo'));
  }

  async function root(id: string): Promise<Root> {
    const match = (await roots()).find((candidate) => candidate.id === id);
    if (!match) throw new AppError('not_found', 'no such root');
    return match;
  }

  /**
   * The root a write goes to: every write handler resolves its root here, so a read-only root is
   * refused in one place.
   */
  async function writable(id: string): Promise<Root> {
    const owner = await root(id);
    if (owner.readOnly) throw new AppError('unsupported', 'the demo library is read-only');
    return owner;
  }

  /**
   * Runs a format's own reversible write (append, remove-last, compact) between its audit lines,
   * keeping the format's undo step in the journal; every such write announces the change.
   */
  async function write(
    ref: SessionRef,
    operation: 'append' | 'remove-last' | 'compact',
    run: (store: FormatStore) => Promise<WriteOutcome>,
  ): Promise<WriteResult> {
    const owner = await writable(ref.root);
    const before = await namedOne(await owner.store.summary(ref.id));
    const { value, id } = await recorded(
      audit,
      {
        operation,
        sessions: [sessionRecord(owner, before)],
        files: await owner.store.files(ref.id),
        ...(operation === 'append' ? { appends: true as const } : {}),
      },
      async () => {
        const outcome = await run(owner.store);
        const journalId = outcome.undo
          ? await journal.record({
              operation,
              format: outcome.summary.format,
              root: { id: owner.id, path: owner.path },
              sessionId: ref.id,
              step: outcome.undo,
            })
          : null;
        return {
          value: { summary: outcome.summary, undoable: journalId !== null },
          sessions: [sessionRecord(owner, await namedOne(outcome.summary))],
          undo: journalId ? { kind: 'journal', undoId: journalId } : null,
        };
      },
    );
    await changed(ref.root, [ref]);
    // A write that changed nothing (compact with nothing to drop) is on record, with nothing to undo.
    return { summary: await namedOne(value.summary), undoId: value.undoable ? id : null };
  }

  /** A write that makes a new session from `ref` (fork, compact into new); its undo trashes the new one. */
  async function made(
    ref: SessionRef,
    operation: 'fork' | 'compact-into-new',
    run: (store: FormatStore) => Promise<SessionSummary>,
  ): Promise<WriteResult> {
    const owner = await writable(ref.root);
    const source = await namedOne(await owner.store.summary(ref.id));
    const { value, id } = await recorded(
      audit,
      { operation, sessions: [sessionRecord(owner, source)], files: [] },
      async () => {
        const summary = await namedOne(await run(owner.store));
        const record = sessionRecord(owner, summary);
        return {
          value: summary,
          sessions: [record, sessionRecord(owner, source)],
          made: await owner.store.files(summary.ref.id),
          detail: `made from “${source.title}”`,
          undo: { kind: 'trash', sessions: [{ root: record.root, id: record.id, format: record.format }] },
        };
      },
    );
    await changed(ref.root, [value.ref]);
    return { summary: value, undoId: id };
  }

  /** The files a rename or a run state writes. */
  async function metadataFiles(owner: Root, id: string): Promise<string[]> {
    if (owner.store.appNames) return [names.path];
    return owner.store.metadataFiles ? owner.store.metadataFiles(id) : owner.store.files(id);
  }

  async function applyName(
    owner: Root,
    summary: SessionSummary,
    title: string | null,
  ): Promise<SessionSummary> {
    if (!owner.store.appNames) return namedOne(await owner.store.rename(summary.ref.id, title));
    await names.set({ format: summary.format, root: owner.path, id: summary.ref.id }, title ?? '');
    return namedOne(await owner.store.summary(summary.ref.id));
  }

  /**
   * Summaries as the app shows them: with the names it keeps for formats that have none (NameBook)
   * laid over, and, in a read-only root, with no write offered.
   */
  async function named(summaries: SessionSummary[]): Promise<SessionSummary[]> {
    const nameOf = await names.lookup();
    return summaries.map((summary) => {
      const title = nameOf(summary.format, summary.ref.root, summary.ref.id);
      const shown = title === undefined ? summary : { ...summary, title, untitled: false };
      return readOnlyRoots.has(summary.ref.root) ? { ...shown, capabilities: noCapabilities } : shown;
    });
  }

  async function namedOne(summary: SessionSummary): Promise<SessionSummary> {
    const [one = summary] = await named([summary]);
    return one;
  }

  const history: HistoryContext = {
    trash,
    journal,
    audit,
    root,
    async placed(session) {
      return (
        (await roots()).find((candidate) => candidate.id === session.root.id) ??
        opener.open(session.root.path, session.format, 'added')
      );
    },
    namedOne,
    applyName,
    changed,
    async retentionDays() {
      return (await settings.read()).trashRetentionDays;
    },
    discard: options.discard,
  };

  const exports = windowExports(
    {
      detail: (ref) => handlers['session.get']({ ref }),
      turns: (ref, from, count) => handlers['session.turns']({ ref, from, count }),
    },
    options.saveExport,
  );

  const handlers: Handlers = {
    async 'app.info'() {
      return {
        version: options.version,
        host: options.host,
        searched: await searchedPlaces(options.env),
        demoAvailable: await isDirectory(demoSource),
      };
    },

    async 'app.copyText'({ text }) {
      if (!options.copyText) return { copied: false };
      options.copyText(text);
      return { copied: true };
    },

    async 'app.openExternal'({ url }) {
      const safe = safeExternalUrl(url);
      if (!safe || !options.openExternal) return { url: safe, opened: false };
      // eng-disable OPEN_EXTERNAL_JS_CHECK -- safe passed safeExternalUrl (http/https, no
      // credentials); the Electron opener checks it again before shell.openExternal.
      await options.openExternal(safe);
      return { url: safe, opened: true };
    },

    async 'roots.list'() {
      return (await roots()).map(toRootInfo);
    },

    async 'folders.browse'({ folder }) {
      return folders.browse(folder);
    },

    async 'roots.add'({ folder }) {
      return addRoot(folders.pathOf(folder));
    },

    async 'roots.choose'() {
      manageable();
      if (!options.chooseFolder)
        throw new AppError('unsupported', 'This window has no folder dialog: browse for the folder instead.');
      const path = await options.chooseFolder();
      return { root: path === null ? null : await addRoot(path) };
    },

    async 'roots.remove'({ root: id }) {
      manageable();
      const owner = await root(id);
      await settings.update((current) => withRootRemoved(current, owner));
      opener.forget(owner.path);
      await rootsChanged();
      return (await roots()).map(toRootInfo);
    },

    async 'roots.rescan'({ root: id }) {
      const owner = await root(id);
      opener.forget(owner.path);
      if (owner.origin === 'added' && (await isDirectory(owner.path))) {
        const format = await opener.detect(owner.path).catch(() => owner.format);
        if (format !== owner.format)
          await settings.update((current) => withRootFormat(current, owner.path, format));
      }
      await rootsChanged();
      return toRootInfo(await root(id));
    },

    async 'settings.get'() {
      const { trashRetentionDays } = await settings.read();
      return { trashRetentionDays };
    },

    async 'settings.update'(change) {
      const next = await settings.update((current) => ({ ...current, ...change }));
      // A shorter retention purges what it no longer keeps, and the trash list shows it.
      if (change.trashRetentionDays !== undefined) await changed(null);
      return { trashRetentionDays: next.trashRetentionDays };
    },

    async 'app.setTheme'({ theme }) {
      if (!options.setTheme) return { applied: false };
      options.setTheme(theme);
      return { applied: true };
    },

    async 'library.openDemo'() {
      if (!(await isDirectory(demoSource))) throw new AppError('not_found', 'this build has no demo library');
      // The demo opens from a copy, so nothing under resources/ ever changes. Each format's
      // folder is copied once; an older copy holding only orcs/ gains the others.
      for (const folder of demoFolders) {
        const source = join(demoSource, folder.format);
        if ((await isDirectory(source)) && !(await isDirectory(folder.path))) {
          // Copied whole under another name first: a copy cut short must not pass for the demo.
          const partial = `${folder.path}.partial`;
          await rm(partial, { recursive: true, force: true });
          await mkdir(demoCopy, { recursive: true });
          await cp(source, partial, { recursive: true });
          await renameRetrying(partial, folder.path);
        }
      }
      // Opening the demo again brings back any of its folders the person had removed.
      const demoPaths = new Set(demoFolders.map((folder) => resolve(folder.path)));
      await settings.update((current) => ({
        ...current,
        demo: true,
        hiddenRoots: current.hiddenRoots.filter((hidden) => !demoPaths.has(resolve(hidden.path))),
      }));
      if (index) void (await indexed()).sync().catch(() => undefined);
      await changed(null);
      return (await demoRoots()).map(toRootInfo);
    },

    async 'sessions.list'({ root: only }) {
      const chosen = only ? [await root(only)] : await roots();
      const lists = await Promise.all(chosen.map((each) => each.store.list()));
      return named(lists.flat().sort(newestFirst));
    },

    async 'sessions.page'({ root: only, offset, limit }) {
      if (only) await root(only);
      let page;
      try {
        const client = await indexed();
        // Without a watcher, every first page looks again; a pass that finds nothing new is cheap.
        if (offset === 0 && !watcher) void client.sync().catch(() => undefined);
        page = await client.page({ root: only, offset, limit });
      } catch {
        // The index is only a cache of the files: when it cannot open or answer, the files can.
        const all = await handlers['sessions.list']({ root: only });
        return { total: all.length, offset, items: all.slice(offset, offset + limit) };
      }
      return { ...page, items: await named(page.items) };
    },

    async 'search.query'(request) {
      const client = await indexed();
      // The CLI lives for one search, so it catches the index up first; the app shows progress instead.
      if (options.host === 'cli') await client.sync();
      const response = await client.search(request);
      const sessions = await named(response.groups.map((group) => group.session));
      return {
        ...response,
        groups: response.groups.map((group, i) => ({ ...group, session: sessions[i] ?? group.session })),
      };
    },

    async 'watch.status'() {
      // The CLI does not watch: nothing is polled or missing there.
      return watcher?.status() ?? { roots: [], hint: null };
    },

    async 'index.status'() {
      return (await indexed()).status();
    },

    async 'index.info'() {
      const { total } = await (await indexed()).page({ offset: 0, limit: 1 });
      const sizes = await Promise.all(
        ['', '-wal', '-shm'].map((suffix) =>
          stat(`${indexPath}${suffix}`).then(
            (info) => info.size,
            () => 0,
          ),
        ),
      );
      return { path: indexPath, sizeBytes: sizes.reduce((sum, size) => sum + size, 0), sessions: total };
    },

    async 'index.rebuild'() {
      const client = await indexed();
      // Answers once the run has begun; its progress arrives as index.progress events.
      await client.rebuild();
      return client.status();
    },

    async 'session.get'({ ref }) {
      const detail = await (await root(ref.root)).store.detail(ref.id);
      return { ...detail, summary: await namedOne(detail.summary) };
    },

    async 'session.turns'({ ref, from, count }) {
      return (await root(ref.root)).store.turns(ref.id, from, count);
    },

    async 'session.stats'({ ref }) {
      const { store } = await root(ref.root);
      try {
        return await (await indexed()).sessionStats(ref);
      } catch (error) {
        if (error instanceof AppError && error.code !== 'io') throw error;
        // Reading in the index's thread only spares this one: when the index cannot, this one reads.
        return sessionStats(store, ref.id);
      }
    },

    async 'stats.library'({ root: only, days }) {
      if (only) await root(only);
      return (await indexed()).libraryStats({ root: only, days: days ?? null });
    },

    async 'session.find'({ ref, query, limit }) {
      const { store } = await root(ref.root);
      let found = null;
      try {
        found = await (await indexed()).find(ref, query, limit);
      } catch {
        // The index is a cache: when it cannot answer, the session is read instead.
      }
      const highlights = found?.highlights ?? parseQuery(query).highlights;
      // Turns the index has not read (all of them, or those appended since) are read from the file.
      const rest = await streamFind(
        (from, count) => store.turns(ref.id, from, count),
        highlights,
        found?.indexedTurns ?? 0,
        limit - (found?.turns.length ?? 0),
      );
      return {
        turns: [...(found?.turns ?? []), ...rest.turns].slice(0, limit),
        total: (found?.total ?? 0) + rest.total,
        highlights,
      };
    },

    async 'session.export'({ ref, to }) {
      return exports.export(ref, to);
    },

    async 'session.markdown'({ ref }) {
      return exports.markdown(ref);
    },

    async 'session.rename'({ ref, title }) {
      const owner = await writable(ref.root);
      const before = await namedOne(await owner.store.summary(ref.id));
      const previous = before.untitled ? null : before.title;
      const { value, id } = await recorded(
        audit,
        {
          operation: 'rename',
          sessions: [sessionRecord(owner, before)],
          files: await metadataFiles(owner, ref.id),
        },
        async () => {
          const summary = await applyName(owner, before, title);
          return {
            value: summary,
            sessions: [sessionRecord(owner, summary)],
            detail: `renamed from “${before.title}” to “${summary.title}”`,
            undo: { kind: 'rename', previous, current: summary.title },
          };
        },
      );
      await changed(ref.root, [ref]);
      return { summary: value, undoId: id };
    },

    async 'session.delete'({ ref }) {
      const owner = await writable(ref.root);
      const summary = await namedOne(await owner.store.summary(ref.id));
      const result = await trashSessions(history, [{ owner, summary }]);
      const [trashId] = result.trashIds;
      if (!trashId || !result.undoId)
        throw new AppError('io', `“${summary.title}” was not moved to the trash`);
      return { trashId, summary, undoId: result.undoId };
    },

    async 'sessions.delete'({ refs }) {
      const doomed = [];
      const failures = [];
      for (const ref of refs) {
        try {
          const owner = await writable(ref.root);
          doomed.push({ owner, summary: await namedOne(await owner.store.summary(ref.id)) });
        } catch (error) {
          failures.push({ ref, ...toWireError(error) });
        }
      }
      if (doomed.length === 0) return { trashIds: [], summaries: [], undoId: null, failures };
      const result = await trashSessions(history, doomed);
      return { ...result, failures: [...failures, ...result.failures] };
    },

    async 'trash.list'() {
      const days = await history.retentionDays();
      return (await expire(history)).map((item) => toTrashItem(item, days));
    },

    async 'trash.restore'({ trashId }) {
      const result = await restoreItems(history, [trashId]);
      const [summary] = result.summaries;
      if (!summary || !result.undoId) throw new AppError('not_found', 'the restored session cannot be read');
      return { summary, undoId: result.undoId };
    },

    async 'trash.restoreMany'({ trashIds }) {
      return restoreItems(history, trashIds);
    },

    async 'trash.purge'({ trashIds }) {
      return purgeItems(history, trashIds, 'purge');
    },

    async 'audit.list'({ limit }) {
      return (await audit.writes()).reverse().slice(0, limit).map(toAuditEntry);
    },

    async 'undo.apply'({ undoId }) {
      return undoById(history, undoId);
    },

    async 'undo.last'() {
      return undoLast(history);
    },

    async 'session.append'({ ref, message }) {
      return write(ref, 'append', (store) => need(store, 'append', 'append messages')(ref.id, message));
    },

    async 'session.removeLast'({ ref }) {
      return write(ref, 'remove-last', (store) => need(store, 'removeLast', 'remove messages')(ref.id));
    },

    async 'session.compactPreview'({ ref }) {
      const { store } = await root(ref.root);
      return need(store, 'compactPreview', 'be compacted')(ref.id);
    },

    async 'session.compact'({ ref }) {
      return write(ref, 'compact', (store) => need(store, 'compact', 'be compacted')(ref.id));
    },

    async 'session.unreadable'({ ref }) {
      const { store } = await root(ref.root);
      return store.unreadable ? store.unreadable(ref.id) : [];
    },

    async 'session.setState'({ ref, state, turnId }) {
      const owner = await writable(ref.root);
      const setState = need(owner.store, 'setState', 'record a run state');
      const before = await namedOne(await owner.store.summary(ref.id));
      const { value, id } = await recorded(
        audit,
        {
          operation: 'set-state',
          sessions: [sessionRecord(owner, before)],
          files: await metadataFiles(owner, ref.id),
        },
        async () => ({
          value: await namedOne(await setState(ref.id, state, turnId)),
          detail: `${before.state?.state ?? 'no state'} → ${state}`,
          undo: {
            kind: 'state',
            previous: before.state ? { state: before.state.state, turnId: before.state.turnId } : null,
          },
        }),
      );
      await changed(ref.root, [ref]);
      return { summary: value, undoId: id };
    },

    async 'sessions.stale'({ root: id, ttlHours }) {
      const { store } = await root(id);
      return need(store, 'stale', 'expire sessions')(ttlHours);
    },

    async 'sessions.cleanup'({ root: id, ttlHours }) {
      const owner = await writable(id);
      const stale = await need(owner.store, 'stale', 'expire sessions')(ttlHours);
      if (stale.length === 0) return { trashIds: [], sessions: [], undoId: null };
      const doomed = await Promise.all(
        stale.map(async (summary) => ({ owner, summary: await namedOne(summary) })),
      );
      const result = await trashSessions(history, doomed, `idle for over ${ttlHours} h`);
      return { trashIds: result.trashIds, sessions: result.summaries, undoId: result.undoId };
    },

    async 'sessions.stuck'({ root: only, thresholdSecs }) {
      const chosen = only ? [await root(only)] : await roots();
      const lists = await Promise.all(
        chosen.map((each) => (each.store.stuck ? each.store.stuck(thresholdSecs) : [])),
      );
      return lists.flat();
    },

    async 'session.verify'({ ref }) {
      const { store } = await root(ref.root);
      const report = await need(store, 'verify', 'be verified: the format has no hash chain')(ref.id);
      // The index reads files in its own thread and has not seen this check: give it the result.
      if (index) await index.putSummary(await store.summary(ref.id));
      emit('library.changed', { root: ref.root });
      return report;
    },

    async 'session.lineage'({ ref }) {
      const { store, format } = await root(ref.root);
      const graph = await need(store, 'lineage', 'be forked or compacted')(ref.id);
      const nameOf = await names.lookup();
      const nodes = graph.nodes.map((node) => {
        const title = format && nameOf(format, node.ref.root, node.ref.id);
        return title ? { ...node, title } : node;
      });
      return { ...graph, nodes };
    },

    async 'session.forkAt'({ ref, atHash }) {
      return made(ref, 'fork', (store) => need(store, 'forkAt', 'be forked')(ref.id, atHash));
    },

    async 'session.compactIntoNew'({ ref, summary: text }) {
      return made(ref, 'compact-into-new', (store) =>
        need(store, 'compactIntoNew', 'be compacted into a new session')(ref.id, text),
      );
    },
  };

  // Watching hosts live for days: they purge what outlived the retention setting now and then.
  const expiry = options.watch
    ? setInterval(() => void expire(history).catch(() => undefined), EXPIRY_MS)
    : null;
  expiry?.unref();
  if (options.watch) void expire(history).catch(() => undefined);

  return {
    handlers,
    exportDownload: (ticket) => exports.download(ticket),
    on(event, listener) {
      emitter.on(event, listener);
      return () => emitter.off(event, listener);
    },
    async close() {
      closed = true;
      if (expiry) clearInterval(expiry);
      stopStoringLineIndexes();
      stopStoringDigests();
      emitter.removeAllListeners();
      await watcher?.close();
      await feed.settled();
      await index?.close();
      index = null;
    },
  };
}

const EXPIRY_MS = 6 * 60 * 60 * 1000;

type OptionalOperation = {
  [K in keyof FormatStore]-?: undefined extends FormatStore[K] ? K : never;
}[keyof FormatStore];

/** An operation the format does not offer is refused in words, not with a missing-method crash. */
function need<K extends OptionalOperation>(
  store: FormatStore,
  key: K,
  what: string,
): NonNullable<FormatStore[K]> {
  const method = store[key];
  if (!method) throw new AppError('unsupported', `sessions of this format cannot ${what}`);
  return (method as (...args: unknown[]) => unknown).bind(store) as NonNullable<FormatStore[K]>;
}

function toTrashItem(manifest: TrashManifest, retentionDays: number): TrashItem {
  return {
    trashId: manifest.trashId,
    deletedAt: manifest.deletedAt,
    expiresAt: new Date(Date.parse(manifest.deletedAt) + retentionDays * DAY_MS).toISOString(),
    format: manifest.format,
    root: manifest.root,
    sessionId: manifest.sessionId,
    title: manifest.title,
    sizeBytes: manifest.files.reduce((sum, file) => sum + file.size, 0),
    files: manifest.files.map((file) => file.original),
    state: manifest.state,
  };
}

function toRootInfo({ store: _store, ...info }: Root): RootInfo {
  return info;
}

function newestFirst(a: SessionSummary, b: SessionSummary): number {
  return (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '');
}
