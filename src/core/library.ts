import { EventEmitter } from 'node:events';
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventName, Events, Handlers } from '../shared/api';
import { AppError } from '../shared/errors';
import { safeExternalUrl } from '../shared/links';
import type { RootInfo, SessionSummary } from '../shared/model';
import type { Environment } from './formats/format';
import { discoveredRoots, explicitRoots, isDirectory, openRoot, searchedPlaces } from './roots';
import type { Root } from './roots';
import { SettingsFile } from './settings';
import { Trash } from './trash/trash';

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
}

export interface Library {
  handlers: Handlers;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  close(): Promise<void>;
}

/** The one implementation of the contract; every host binds these handlers and nothing else. */
export function createLibrary(options: LibraryOptions): Library {
  const emitter = new EventEmitter();
  const settings = new SettingsFile(join(options.appDataDir, 'settings.json'));
  const trash = new Trash(join(options.appDataDir, 'trash'));
  const demoSource = join(options.resourcesDir, 'demo');
  const demoCopy = join(options.appDataDir, 'demo', 'orcs');

  function emit<E extends EventName>(event: E, payload: Events[E]): void {
    emitter.emit(event, payload);
  }

  async function roots(): Promise<Root[]> {
    if (options.roots && options.roots.length > 0) {
      return explicitRoots(options.roots, options.cwd ?? process.cwd());
    }
    const found = await discoveredRoots(options.env);
    const saved = await settings.read();
    if (saved.demo && (await isDirectory(demoCopy))) found.push(openRoot(demoCopy, 'orcs', 'demo'));
    const seen = new Set<string>();
    return found.filter((root) => !seen.has(root.id) && seen.add(root.id));
  }

  async function root(id: string): Promise<Root> {
    const match = (await roots()).find((candidate) => candidate.id === id);
    if (!match) throw new AppError('not_found', 'no such root');
    return match;
  }

  const handlers: Handlers = {
    async 'app.info'() {
      return {
        version: options.version,
        host: options.host,
        searched: await searchedPlaces(options.env),
        demoAvailable: await isDirectory(demoSource),
      };
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

    async 'library.openDemo'() {
      if (!(await isDirectory(demoSource))) throw new AppError('not_found', 'this build has no demo library');
      // The demo opens from a copy, so nothing under resources/ ever changes.
      if (!(await isDirectory(demoCopy))) {
        await mkdir(join(demoCopy, '..'), { recursive: true });
        await cp(demoSource, demoCopy, { recursive: true, errorOnExist: false, force: false });
      }
      await settings.update((current) => ({ ...current, demo: true }));
      emit('library.changed', { root: null });
      return toRootInfo(openRoot(demoCopy, 'orcs', 'demo'));
    },

    async 'sessions.list'({ root: only }) {
      const chosen = only ? [await root(only)] : await roots();
      const lists = await Promise.all(chosen.map((each) => each.store.list()));
      return lists.flat().sort(newestFirst);
    },

    async 'session.get'({ ref }) {
      return (await root(ref.root)).store.detail(ref.id);
    },

    async 'session.turns'({ ref, from, count }) {
      return (await root(ref.root)).store.turns(ref.id, from, count);
    },

    async 'session.rename'({ ref, title }) {
      const summary = await (await root(ref.root)).store.rename(ref.id, title);
      emit('library.changed', { root: ref.root });
      return summary;
    },

    async 'session.delete'({ ref }) {
      const owner = await root(ref.root);
      const summary = await owner.store.summary(ref.id);
      if (!summary.capabilities.delete) throw new AppError('unsupported', 'this session cannot be deleted');
      const trashId = await trash.put({
        format: summary.format,
        root: { id: owner.id, path: owner.path },
        sessionId: ref.id,
        title: summary.title,
        files: await owner.store.files(ref.id),
      });
      emit('library.changed', { root: ref.root });
      return { trashId, summary };
    },

    async 'trash.restore'({ trashId }) {
      const manifest = await trash.restore(trashId);
      emit('library.changed', { root: manifest.root.id });
      const owner = (await roots()).find((candidate) => candidate.id === manifest.root.id);
      const restored = owner ?? openRoot(manifest.root.path, manifest.format, 'added');
      return restored.store.summary(manifest.sessionId);
    },
  };

  return {
    handlers,
    on(event, listener) {
      emitter.on(event, listener);
      return () => emitter.off(event, listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

function toRootInfo({ store: _store, ...info }: Root): RootInfo {
  return info;
}

function newestFirst(a: SessionSummary, b: SessionSummary): number {
  return (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '');
}
