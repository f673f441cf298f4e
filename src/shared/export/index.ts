import type { SessionDetail } from '../model';
import { exportHtml } from './html';
import { exportJson } from './json';
import { exportMarkdown } from './markdown';
import type { ExportFormat, TurnPages } from './types';

export { exportFileName } from './fileName';
export { exportExtensions, exportFormats, exportMediaTypes, turnPages } from './types';
export type { ExportFormat, ExportOutcome, TurnPages } from './types';
export { exportHtml, exportJson, exportMarkdown };

const exporters = { md: exportMarkdown, html: exportHtml, json: exportJson } as const;

/** A session as a document of the given format, in chunks to write or join as they come. */
export function exportSession(
  format: ExportFormat,
  detail: SessionDetail,
  pages: TurnPages,
): AsyncGenerator<string> {
  return exporters[format](detail, pages);
}
