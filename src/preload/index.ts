/**
 * The renderer's only door to the main process: one function per contract verb, and a
 * subscription per event. No channel name, ipcRenderer or generic invoke crosses the bridge, so
 * script injected through session text can do nothing the UI itself can't (style.md rule 5).
 *
 * Built as one CommonJS file with nothing but `electron` left to require: a sandboxed preload
 * can't load ESM or node_modules (electron.vite.config.ts).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { eventChannel } from '../shared/api';
import type { Bridge, CallEnvelope, CallInput, CallName, EventName, Events } from '../shared/api';

function call<K extends CallName>(name: K): (input: CallInput<K>) => Promise<CallEnvelope<K>> {
  return (input) => ipcRenderer.invoke(name, input);
}

function subscribe<E extends EventName>(name: E): (listener: (payload: Events[E]) => void) => () => void {
  const channel = eventChannel(name);
  return (listener) => {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    // The IpcRendererEvent is dropped: it carries `sender`, which must not reach the page
    // (Electron security checklist #20).
    const forward = (_event: IpcRendererEvent, payload: Events[E]): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  };
}

const bridge = {
  app: {
    info: call('app.info'),
    openExternal: call('app.openExternal'),
    copyText: call('app.copyText'),
    setTheme: call('app.setTheme'),
  },
  roots: {
    list: call('roots.list'),
    add: call('roots.add'),
    choose: call('roots.choose'),
    remove: call('roots.remove'),
    rescan: call('roots.rescan'),
  },
  folders: { browse: call('folders.browse') },
  settings: { get: call('settings.get'), update: call('settings.update') },
  library: { openDemo: call('library.openDemo') },
  sessions: {
    list: call('sessions.list'),
    page: call('sessions.page'),
    stale: call('sessions.stale'),
    cleanup: call('sessions.cleanup'),
    stuck: call('sessions.stuck'),
    delete: call('sessions.delete'),
  },
  session: {
    get: call('session.get'),
    turns: call('session.turns'),
    find: call('session.find'),
    rename: call('session.rename'),
    append: call('session.append'),
    removeLast: call('session.removeLast'),
    compactPreview: call('session.compactPreview'),
    compact: call('session.compact'),
    unreadable: call('session.unreadable'),
    setState: call('session.setState'),
    verify: call('session.verify'),
    lineage: call('session.lineage'),
    forkAt: call('session.forkAt'),
    compactIntoNew: call('session.compactIntoNew'),
    delete: call('session.delete'),
    export: call('session.export'),
    markdown: call('session.markdown'),
    stats: call('session.stats'),
  },
  search: { query: call('search.query') },
  stats: { library: call('stats.library') },
  index: { status: call('index.status'), rebuild: call('index.rebuild'), info: call('index.info') },
  watch: { status: call('watch.status') },
  trash: {
    list: call('trash.list'),
    restore: call('trash.restore'),
    restoreMany: call('trash.restoreMany'),
    purge: call('trash.purge'),
  },
  audit: { list: call('audit.list') },
  undo: { apply: call('undo.apply'), last: call('undo.last') },
  events: {
    'library.changed': subscribe('library.changed'),
    'index.progress': subscribe('index.progress'),
    'watch.status': subscribe('watch.status'),
  },
} satisfies Bridge;

contextBridge.exposeInMainWorld('sessionscope', bridge);
