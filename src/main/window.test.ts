import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  backgroundColors,
  denyForeignNavigation,
  denyWindowOpen,
  guardContents,
  windowOptions,
  windowPreferences,
} from './window';

afterEach(() => vi.restoreAllMocks());

describe('windowPreferences', () => {
  const preferences = windowPreferences('/app/out/preload/index.cjs');

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['spellcheck', false],
  ] as const)('sets %s to %s explicitly', (key, value) => {
    expect(Object.hasOwn(preferences, key)).toBe(true);
    expect(preferences[key]).toBe(value);
  });

  it('sets nothing else but the preload path', () => {
    expect(preferences).toStrictEqual({
      preload: '/app/out/preload/index.cjs',
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
    });
  });
});

describe('windowOptions', () => {
  it('opens hidden at 1280×800 with a minimum size and those preferences', () => {
    const options = windowOptions('/p.cjs', false);
    expect(options).toMatchObject({ width: 1280, height: 800, minWidth: 800, minHeight: 500, show: false });
    expect(options.webPreferences).toStrictEqual(windowPreferences('/p.cjs'));
  });

  it('paints a neutral background matching the system theme', () => {
    expect(windowOptions('/p.cjs', true).backgroundColor).toBe(backgroundColors.dark);
    expect(windowOptions('/p.cjs', false).backgroundColor).toBe(backgroundColors.light);
  });
});

function navigation(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('denyForeignNavigation', () => {
  it.each(['app://sessionscope/index.html', 'app://sessionscope/index.html#/sessions/abc'])(
    'lets %j load',
    (url) => {
      const event = navigation(url);
      denyForeignNavigation(event);
      expect(event.preventDefault).not.toHaveBeenCalled();
    },
  );

  it.each([
    'https://evil.example/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://evil/index.html',
    'about:blank',
    'chrome://gpu',
    '',
  ])('prevents %j', (url) => {
    const event = navigation(url);
    denyForeignNavigation(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('denyWindowOpen', () => {
  it('denies an http(s) window and opens the link in the system browser instead', async () => {
    const open = vi.fn(async () => undefined);
    expect(denyWindowOpen(open)({ url: 'https://example.com/a' })).toStrictEqual({ action: 'deny' });
    await vi.waitFor(() => expect(open).toHaveBeenCalledWith('https://example.com/a'));
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'app://sessionscope/index.html', 'about:blank'])(
    'denies %j and opens nothing',
    async (url) => {
      const open = vi.fn(async () => undefined);
      expect(denyWindowOpen(open)({ url })).toStrictEqual({ action: 'deny' });
      await Promise.resolve();
      expect(open).not.toHaveBeenCalled();
    },
  );

  it('reports a browser that fails to open instead of rejecting unhandled', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const open = vi.fn(async () => {
      throw new Error('no browser');
    });
    expect(denyWindowOpen(open)({ url: 'https://example.com' })).toStrictEqual({ action: 'deny' });
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
  });
});

/** Just enough of WebContents to receive the guards: events plus setWindowOpenHandler. */
class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

describe('guardContents', () => {
  function guarded() {
    const contents = new FakeContents();
    const open = vi.fn(async () => undefined);
    guardContents(contents as unknown as WebContents, open);
    return { contents, open };
  }

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('prevents a foreign %s', (eventName) => {
    const { contents } = guarded();
    const away = navigation('https://evil.example/');
    const home = navigation('app://sessionscope/index.html');
    contents.emit(eventName, away);
    contents.emit(eventName, home);
    expect(away.preventDefault).toHaveBeenCalledOnce();
    expect(home.preventDefault).not.toHaveBeenCalled();
  });

  it('refuses to attach a webview', () => {
    const { contents } = guarded();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('installs the deny-all window open handler', async () => {
    const { contents, open } = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toStrictEqual({ action: 'deny' });
    await vi.waitFor(() => expect(open).toHaveBeenCalledWith('https://example.com/'));
  });
});
