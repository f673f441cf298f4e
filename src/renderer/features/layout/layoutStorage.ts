import { z } from 'zod';

/**
 * The pane sizes, remembered across launches under one key. The version is in the key: a change of
 * shape takes a new key, and the old value is then simply never read.
 */
export const layoutKey = 'sessionscope.layout.v1';

/**
 * Each split's panels by id (also their DOM ids, hence the prefix), sized in percentages of the
 * split; MainPanes and SessionPanes give their panels these ids.
 */
export const paneIds = {
  /** The sources beside everything else; its own split, so a layout saved before it keeps reading. */
  sources: ['pane-sources', 'pane-main'],
  main: ['pane-list', 'pane-view'],
  session: ['pane-conversation', 'pane-inspector'],
} as const;

export type PaneGroup = keyof typeof paneIds;
export type PaneLayout = Record<string, number>;
export type PaneLayouts = Partial<Record<PaneGroup, PaneLayout>>;

const percent = z.number().finite().min(0).max(100);

function splitSchema(ids: readonly [string, string]) {
  return z
    .object({ [ids[0]]: percent, [ids[1]]: percent })
    .strict()
    .refine((layout) => Math.abs(Object.values(layout).reduce((sum, size) => sum + size, 0) - 100) < 1, {
      message: 'the panes of a split fill it',
    });
}

const layoutsSchema = z
  .object({
    sources: splitSchema(paneIds.sources).optional(),
    main: splitSchema(paneIds.main).optional(),
    session: splitSchema(paneIds.session).optional(),
  })
  .strict();

/**
 * What was saved, or nothing when it is missing or anything about it is wrong (hand-edited, from a
 * newer build, cut short): every pane then starts at its default size, never at a broken one.
 */
export function parseLayouts(text: string | null): PaneLayouts {
  if (text === null) return {};
  try {
    const parsed = layoutsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The saved layouts with one split's sizes set, as the text to store. */
export function withLayout(saved: PaneLayouts, group: PaneGroup, layout: PaneLayout): string {
  return JSON.stringify({ ...saved, [group]: layout });
}
