import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { followWindowState, minimumSize } from './window';
import type { StatefulWindow } from './window';
import { noWindowState, restoredBounds, windowStateFile } from './windowState';
import type { Rect, WindowState } from './windowState';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const monitor: Rect = { x: 1440, y: -200, width: 2560, height: 1415 };

describe('restoring the window where it was', () => {
  it('keeps bounds that lie on a display as they are', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 700 };
    expect(restoredBounds(saved, [laptop], minimumSize)).toEqual(saved);
    const onMonitor = { x: 2000, y: 0, width: 1600, height: 1000 };
    expect(restoredBounds(onMonitor, [laptop, monitor], minimumSize)).toEqual(onMonitor);
  });

  it('opens at the default place when its display is gone', () => {
    const onMonitor = { x: 2000, y: 0, width: 1600, height: 1000 };
    expect(restoredBounds(onMonitor, [laptop], minimumSize)).toBeNull();
    expect(restoredBounds(null, [laptop], minimumSize)).toBeNull();
  });

  it('pulls a window half off the edge back in, and shrinks one larger than the display', () => {
    expect(restoredBounds({ x: 1000, y: 500, width: 1200, height: 700 }, [laptop], minimumSize)).toEqual({
      x: 240,
      y: 175,
      width: 1200,
      height: 700,
    });
    expect(restoredBounds({ x: -50, y: 0, width: 3000, height: 2000 }, [laptop], minimumSize)).toEqual(
      laptop,
    );
  });

  it('does not restore a window whose title bar is above every display, where no one can grab it', () => {
    expect(restoredBounds({ x: 100, y: -400, width: 1200, height: 700 }, [laptop], minimumSize)).toBeNull();
    // Only a sliver of the title bar on the display is not enough either.
    expect(restoredBounds({ x: 1400, y: 10, width: 1200, height: 700 }, [laptop], minimumSize)).toBeNull();
  });

  it('picks the display holding most of a window that spans two', () => {
    const spanning = { x: 1000, y: 100, width: 1400, height: 700 };
    expect(restoredBounds(spanning, [laptop, monitor], minimumSize)).toEqual({ ...spanning, x: 1440 });
  });

  it('never makes the window smaller than its minimum where the display is large enough', () => {
    expect(restoredBounds({ x: 10, y: 10, width: 200, height: 100 }, [laptop], minimumSize)).toEqual({
      x: 10,
      y: 10,
      ...minimumSize,
    });
  });
});

describe('the window-state file', () => {
  it('reads nothing as no state, and a broken file as no state', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sessionscope-window-'));
    try {
      const file = windowStateFile(dir);
      expect(await file.read()).toEqual(noWindowState);
      const state = { bounds: { x: 1, y: 2, width: 900, height: 600 }, maximized: true };
      await file.update(() => state);
      expect(JSON.parse(await readFile(join(dir, 'window-state.json'), 'utf8'))).toEqual(state);
      await writeFile(join(dir, 'window-state.json'), '{"bounds": {"x": "left"}}');
      expect(await windowStateFile(dir).read()).toEqual(noWindowState);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('following the window', () => {
  function fakeWindow() {
    const listeners = new Map<string, () => void>();
    const window = {
      bounds: { x: 5, y: 6, width: 1000, height: 700 },
      maximized: false,
      minimized: false,
      on(event: string, listener: () => void) {
        listeners.set(event, listener);
      },
      isMaximized: () => window.maximized,
      isMinimized: () => window.minimized,
      isFullScreen: () => false,
      getNormalBounds: () => window.bounds,
      fire: (event: string) => listeners.get(event)?.(),
    };
    return window satisfies StatefulWindow;
  }

  it('saves once moves settle, and at once on close, keeping the normal bounds while maximized', async () => {
    const window = fakeWindow();
    const saved: WindowState[] = [];
    followWindowState(window, (state) => saved.push(state), 0);
    window.fire('move');
    window.fire('resize');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(saved).toEqual([{ bounds: window.bounds, maximized: false }]);
    window.maximized = true;
    window.fire('close');
    expect(saved.at(-1)).toEqual({ bounds: window.bounds, maximized: true });
  });

  it('does not save a minimized window', () => {
    const window = fakeWindow();
    const saved: WindowState[] = [];
    followWindowState(window, (state) => saved.push(state), 0);
    window.minimized = true;
    window.fire('close');
    expect(saved).toEqual([]);
  });
});
