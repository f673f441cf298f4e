/**
 * The main window's options and the guards every web contents gets. Pure: Electron objects come
 * in as arguments, so all of it runs under Vitest without an Electron binary.
 */
import type { BrowserWindowConstructorOptions, WebContents, WebPreferences } from 'electron';
import { isAppUrl } from './appOrigin';
import { openExternalUrl } from './externalLinks';
import type { Rect, WindowState } from './windowState';

/**
 * Every switch is set explicitly rather than left to Electron's defaults (security.md §1.1 #2-#12):
 * defaults have changed between majors, and the electron-vite template ships `sandbox: false`.
 */
export function windowPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** Neutral backgrounds shown before the first paint, so the window never flashes the wrong shade. */
export const backgroundColors = { dark: '#1e1e1e', light: '#fafafa' } as const;

export const minimumSize = { width: 800, height: 500 } as const;

/**
 * The main window starts hidden and is shown on `ready-to-show`, once it has painted; `bounds`
 * are where it last was (already clamped to a display), or null for the default size, centred.
 */
export function windowOptions(
  preloadPath: string,
  dark: boolean,
  bounds: Rect | null = null,
): BrowserWindowConstructorOptions {
  return {
    title: 'Sessionscope',
    width: 1280,
    height: 800,
    ...(bounds ?? {}),
    minWidth: minimumSize.width,
    minHeight: minimumSize.height,
    show: false,
    backgroundColor: dark ? backgroundColors.dark : backgroundColors.light,
    webPreferences: windowPreferences(preloadPath),
  };
}

interface PreventableNavigation {
  readonly url: string;
  preventDefault(): void;
}

/** Navigation may only stay on our own origin; session text decides where links point. */
export function denyForeignNavigation(event: PreventableNavigation): void {
  if (!isAppUrl(event.url)) event.preventDefault();
}

/**
 * No page ever gets a second window. An http(s) link is handed to the system browser through the
 * validated opener instead; anything else is dropped.
 */
export function denyWindowOpen(
  open: (url: string) => Promise<void>,
): (details: { readonly url: string }) => { action: 'deny' } {
  return ({ url }) => {
    openExternalUrl(url, open).catch((error: unknown) =>
      console.warn('Could not open a link externally:', error),
    );
    return { action: 'deny' };
  };
}

/**
 * Installs the navigation guards on any web contents (security.md §1.1 #11-#14). `will-redirect`
 * covers a server redirect that `will-navigate` never sees (Actual's navigation-security test);
 * `will-frame-navigate` covers subframes, should one ever load despite the CSP.
 */
export function guardContents(contents: WebContents, open: (url: string) => Promise<void>): void {
  contents.on('will-navigate', denyForeignNavigation);
  contents.on('will-frame-navigate', denyForeignNavigation);
  contents.on('will-redirect', denyForeignNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(denyWindowOpen(open));
}

/** The part of a BrowserWindow whose place and size are remembered. */
export interface StatefulWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): void;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
  getNormalBounds(): Rect;
}

/**
 * Calls `save` with the window's state a moment after it stops moving or resizing, and at once
 * when it closes. The normal bounds are kept while it is maximized, so un-maximizing after the
 * next launch returns it to where it was.
 */
export function followWindowState(
  window: StatefulWindow,
  save: (state: WindowState) => void,
  settleMs = 500,
): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const current = (): WindowState => ({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  const later = () => {
    if (window.isMinimized() || window.isFullScreen()) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      save(current());
    }, settleMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, later);
  window.on('close', () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!window.isMinimized()) save(current());
  });
}
