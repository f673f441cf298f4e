import { exportExtensions } from './types';
import type { ExportFormat } from './types';

const maxStem = 80;

/**
 * The file name an export is offered under. Titles are session text: anything but ASCII letters,
 * digits, `.`, `_` and `-` becomes a dash, so the name cannot climb out of a folder, hide its
 * extension behind a right-to-left override or break the header it travels in.
 */
export function exportFileName(title: string, id: string, format: ExportFormat): string {
  const stem = (text: string) =>
    text
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-._]+|[-.]+$/g, '')
      .slice(0, maxStem)
      .replace(/[-.]+$/, '');
  return `${stem(title) || stem(`session-${id}`) || 'session'}${exportExtensions[format]}`;
}
