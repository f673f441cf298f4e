/**
 * The main window's options and the guards every web contents gets. Pure: Electron objects come
 * in as arguments, so all of it runs under Vitest without an Electron binary.
 */
import type { BrowserWindowConstructorOptions, WebContents, WebPreferences } from 'electron';
import { isAppUrl } from './appOrigin';
import { openExternalUrl } from './externalLinks';

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

/** The main window starts hidden and is shown on `ready-to-show`, once it has painted. */
export function windowOptions(preloadPath: string, dark: boolean): BrowserWindowConstructorOptions {
  return {
    title: 'Sessionscope',
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 500,
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
