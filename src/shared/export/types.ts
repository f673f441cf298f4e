import type { Turn, TurnPage } from '../model';

export const exportFormats = ['md', 'html', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** What a file of each format is named with. */
export const exportExtensions: Record<ExportFormat, string> = { md: '.md', html: '.html', json: '.json' };

/** A session's turns, a page at a time: sessions reach several GB and are never held whole. */
export type TurnPages = AsyncIterable<readonly Turn[]>;

/** The contract's largest page. */
const pageSize = 500;

/**
 * Reads every turn page by page. An empty page ends the reading even if the total still claims
 * more: a session that shrank while being read must not spin forever.
 */
export async function* turnPages(read: (from: number, count: number) => Promise<TurnPage>): TurnPages {
  let from = 0;
  for (;;) {
    const page = await read(from, pageSize);
    if (page.turns.length > 0) yield page.turns;
    from += page.turns.length;
    if (page.turns.length === 0 || from >= page.total) return;
  }
}

/** The media type each format is served with. */
export const exportMediaTypes: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * Where an export from the window went: saved where the person chose (Electron's save dialog),
 * not saved because they cancelled it, or waiting behind a one-time ticket the page downloads
 * (the browser host, where the browser itself asks where to save).
 */
export type ExportOutcome =
  { outcome: 'saved'; fileName: string } | { outcome: 'cancelled' } | { outcome: 'download'; ticket: string };
