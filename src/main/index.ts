/**
 * The Electron host: binds the core's Library to a hardened window over validated IPC. No logic
 * of its own beyond wiring; everything here that can be tested lives in the files it imports.
 */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  nativeTheme,
  protocol,
  screen,
  session,
  shell,
} from 'electron';
import { createLibrary } from '../core/library';
import type { Library } from '../core/library';
import { AppError } from '../shared/errors';
import { APP_ENTRY_URL, APP_SCHEME } from './appOrigin';
import { appScheme, createAppProtocolHandler } from './appProtocol';
import { hostArgs } from './args';
import { openExternalUrl } from './externalLinks';
import { forwardEvents, registerCalls } from './ipc';
import { appPaths } from './paths';
import { denyAllPermissions } from './permissions';
import { saveExportThrough } from './saveExport';
import { followWindowState, guardContents, minimumSize, windowOptions } from './window';
import { noWindowState, restoredBounds, windowStateFile } from './windowState';
import type { WindowState } from './windowState';

const paths = appPaths({
  mainDir: import.meta.dirname,
  isPackaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
});
const args = hostArgs(process.argv.slice(1), process.env);

/** The only caller of shell.openExternal; it sees nothing the allowlist refused. */
async function openInBrowser(url: string): Promise<void> {
  // eng-disable OPEN_EXTERNAL_JS_CHECK -- reached only through openExternalUrl, whose allowlist
  // (http and https, no credentials) externalLinks.test.ts pins down.
  await shell.openExternal(url);
}

async function openExternal(url: string): Promise<void> {
  if (!(await openExternalUrl(url, openInBrowser))) {
    throw new AppError('invalid_input', 'Only http and https links can be opened.');
  }
}

// Both must happen before `ready`: privileges can't be granted to a scheme afterwards, and the
// sandbox switch applies to renderers launched from then on.
protocol.registerSchemesAsPrivileged([appScheme]);
app.enableSandbox();

// A --home (or $SESSIONSCOPE_HOME) moves everything userData holds, the single-instance lock and
// Chromium's storage included, so parallel test runs don't see each other. setPath needs the
// directory to exist.
if (args.home) {
  const home = resolve(args.home);
  mkdirSync(home, { recursive: true });
  app.setPath('userData', home);
}

let mainWindow: BrowserWindow | null = null;
let library: Library | null = null;
let closing: Promise<void> | null = null;
/** Where the window was when it last moved; read once at start, kept up to date from then on. */
let windowState: WindowState = noWindowState;

function createWindow(): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const bounds = restoredBounds(windowState.bounds, workAreas, minimumSize);
  // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK -- the checks can't see
  // into windowOptions(), which sets contextIsolation and sandbox (every switch asserted in
  // window.test.ts); a middle click's new window is denied by guardContents' window open handler.
  const window = new BrowserWindow(windowOptions(paths.preloadPath, nativeTheme.shouldUseDarkColors, bounds));
  const maximized = windowState.maximized;
  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
  });
  const stateFile = windowStateFile(app.getPath('userData'));
  followWindowState(window, (state) => {
    windowState = state;
    stateFile
      .update(() => state)
      .catch((error: unknown) => console.warn('Could not keep the window state:', error));
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.rendererDir));

  library = createLibrary({
    appDataDir: app.getPath('userData'),
    env: { home: homedir(), vars: process.env },
    roots: args.roots,
    cwd: process.cwd(),
    resourcesDir: paths.resourcesDir,
    host: 'electron',
    version: app.getVersion(),
    openExternal,
    // A purge goes to the system's trash, where the person can still get it back.
    discard: (path) => shell.trashItem(path),
    copyText: (text) => clipboard.writeText(text),
    chooseFolder: async () => {
      const options = {
        title: 'Add a folder of sessions',
        properties: ['openDirectory' as const, 'showHiddenFiles' as const],
      };
      const chosen = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
    },
    setTheme: (theme) => {
      nativeTheme.themeSource = theme;
    },
    saveExport: saveExportThrough(
      (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
      app.getPath('downloads'),
    ),
    indexWorker: { url: new URL('./index-worker.js', import.meta.url) },
    watch: true,
  });
  registerCalls(ipcMain, library.handlers);
  forwardEvents(library, (channel, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload);
  });

  windowState = await windowStateFile(app.getPath('userData'))
    .read()
    .catch(() => noWindowState);
  mainWindow = createWindow();
  app.on('activate', () => {
    mainWindow ??= createWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => guardContents(contents, openInBrowser));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // will-quit can't wait for a promise: hold every quit until the library (index, watcher,
  // pending writes) has closed, then quit again.
  app.on('will-quit', (event) => {
    if (!library) return;
    event.preventDefault();
    closing ??= library
      .close()
      .catch((error: unknown) => console.error('Closing the library failed:', error))
      .finally(() => {
        library = null;
        app.quit();
      });
  });
  start().catch((error: unknown) => {
    console.error('Sessionscope could not start:', error);
    app.exit(1);
  });
}
