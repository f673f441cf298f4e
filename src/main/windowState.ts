/**
 * The main window's size, place and maximized state, kept across launches in the app-data
 * directory. Pure but for the file: the displays come in as arguments, so the clamping runs
 * under Vitest without Electron.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { JsonFile } from '../core/json-file';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const rectSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

const stateSchema = z.object({ bounds: rectSchema.nullable(), maximized: z.boolean() });
export type WindowState = z.infer<typeof stateSchema>;

export const noWindowState: WindowState = { bounds: null, maximized: false };

export function windowStateFile(appDataDir: string): JsonFile<WindowState> {
  return new JsonFile(join(appDataDir, 'window-state.json'), stateSchema, () => noWindowState);
}

/** Enough of a window's title bar on a display for a person to grab it and pull it back. */
const GRAB_PX = 64;

/**
 * Where the window opens: the saved bounds if enough of them is on a display now (a monitor may
 * have been unplugged), shrunk to the display that holds most of them; otherwise null, for the
 * default place. `minimum` is the window's own minimum size.
 */
export function restoredBounds(
  saved: Rect | null,
  workAreas: readonly Rect[],
  minimum: { width: number; height: number },
): Rect | null {
  if (!saved) return null;
  const area = bestArea(saved, workAreas);
  if (!area) return null;
  const width = Math.max(Math.min(saved.width, area.width), Math.min(minimum.width, area.width));
  const height = Math.max(Math.min(saved.height, area.height), Math.min(minimum.height, area.height));
  const x = clamp(saved.x, area.x, area.x + area.width - width);
  const y = clamp(saved.y, area.y, area.y + area.height - height);
  return { x, y, width, height };
}

/** The display the window mostly lies on, if its top edge can be grabbed there at all. */
function bestArea(rect: Rect, areas: readonly Rect[]): Rect | null {
  let best: Rect | null = null;
  let bestOverlap = 0;
  for (const area of areas) {
    const titleBar = overlap(rect, area, true);
    if (titleBar < GRAB_PX) continue;
    const shared = overlap(rect, area, false);
    if (shared > bestOverlap) {
      best = area;
      bestOverlap = shared;
    }
  }
  return best;
}

/**
 * The shared area of two rectangles; with `topEdge`, the width of `rect`'s top edge that lies
 * within `area`, which is what a person needs to drag the window.
 */
function overlap(rect: Rect, area: Rect, topEdge: boolean): number {
  const width = Math.min(rect.x + rect.width, area.x + area.width) - Math.max(rect.x, area.x);
  if (width <= 0) return 0;
  if (topEdge) return rect.y >= area.y && rect.y < area.y + area.height ? width : 0;
  const height = Math.min(rect.y + rect.height, area.y + area.height) - Math.max(rect.y, area.y);
  return height <= 0 ? 0 : width * height;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}
