import { useEffect } from 'react';
import { client } from './api';
import { CleanupDialog } from './features/library/CleanupDialog';
import { ActivityView } from './features/activity/ActivityView';
import { HistoryView } from './features/history/HistoryView';
import { KeyboardOverlays } from './features/keyboard/KeyboardOverlays';
import { useKeyboardShortcuts } from './features/keyboard/useKeyboardShortcuts';
import { MainPanes } from './features/layout/MainPanes';
import { YoiDialogs } from './features/inspector/yoi/YoiDialogs';
import { EmptyLibrary } from './features/library/EmptyLibrary';
import { ExportDialogHost } from './features/export/ExportDialog';
import { SessionList } from './features/library/SessionList';
import { SessionView } from './features/session/SessionView';
import { FolderBrowserDialog } from './features/settings/FolderBrowserDialog';
import { SettingsView } from './features/settings/SettingsView';
import { TitleBarActions } from './features/settings/TitleBarActions';
import { useSettingsShortcut } from './features/settings/useSettingsShortcut';
import { SourcesPane } from './features/sources/SourcesPane';
import { StatusBar } from './features/status/StatusBar';
import { Toasts } from './features/toasts/Toasts';
import { PurgeDialog } from './features/trash/PurgeDialog';
import { TrashView } from './features/trash/TrashView';
import { useUndoShortcut } from './features/undo/useUndoShortcut';
import { WriteDialogs } from './features/writes/WriteDialogs';
import { useRouteSync } from './lib/routeSync';
import { sameRef } from './store/sessionSlice';
import { useAppStore } from './store/store';

export function App() {
  const status = useAppStore((state) => state.libraryStatus);
  const pending = useAppStore((state) => state.sessions.some((session) => session.pending));
  const error = useAppStore((state) => state.libraryError);
  const hasSessions = useAppStore((state) => state.sessions.length > 0 || state.roots.length > 0);
  const loadLibrary = useAppStore((state) => state.loadLibrary);
  const refreshSession = useAppStore((state) => state.refreshSession);
  const refreshSearch = useAppStore((state) => state.refreshSearch);
  const refreshPlaces = useAppStore((state) => state.refreshPlaces);
  const mainView = useAppStore((state) => state.mainView);
  useUndoShortcut();
  useKeyboardShortcuts();
  useRouteSync();
  useSettingsShortcut();

  useEffect(() => {
    void loadLibrary();
    void refreshPlaces();
    return client.on('library.changed', (change) => {
      void loadLibrary();
      // The app's own writes change the trash and the history, and announce no sessions; a change
      // on disk names its sessions and never touches either, so an agent's appends cost no reload.
      if (!change.sessions) void refreshPlaces();
      refreshSearch();
      // A change that names its sessions touches the open one only if it is among them.
      const open = useAppStore.getState().openRef;
      if (!change.sessions || change.sessions.some((ref) => sameRef(ref, open))) void refreshSession();
    });
  }, [loadLibrary, refreshSession, refreshSearch, refreshPlaces]);

  return (
    // Tests and tools wait for data-app-state="ready" instead of sleeping: ready is the list as
    // read, not rows still waiting for the index to read their files (they can move once it has).
    <div className="app" data-app-state={status === 'ready' && pending ? 'indexing' : status}>
      <header className="titlebar">
        <span className="brand" aria-hidden="true" />
        <h1>Sessionscope</h1>
        <TitleBarActions />
      </header>
      {status === 'loading' && (
        <main className="centered" aria-busy="true">
          <p className="muted">Reading your sessions…</p>
        </main>
      )}
      {status === 'error' && (
        <main className="centered" role="alert">
          <h2>Sessionscope could not read the library</h2>
          <p className="muted">{error}</p>
          <button type="button" onClick={() => void loadLibrary()}>
            Try again
          </button>
        </main>
      )}
      {status === 'ready' && !hasSessions && (mainView === 'settings' ? <SettingsView /> : <EmptyLibrary />)}
      {status === 'ready' && hasSessions && (
        <MainPanes
          sources={<SourcesPane />}
          list={<SessionList />}
          view={
            <>
              {mainView === 'trash' && <TrashView />}
              {mainView === 'history' && <HistoryView />}
              {mainView === 'session' && <SessionView />}
              {mainView === 'settings' && <SettingsView />}
              {mainView === 'activity' && <ActivityView />}
            </>
          }
        />
      )}
      <StatusBar />
      <WriteDialogs />
      <CleanupDialog />
      <YoiDialogs />
      <PurgeDialog />
      <FolderBrowserDialog />
      <ExportDialogHost />
      <Toasts />
      <KeyboardOverlays />
    </div>
  );
}
