import { basename, join } from 'node:path';
import { writeFileAtomically } from '../core/atomic-file';
import type { SaveExport } from '../core/export';
import { exportExtensions } from '../shared/export';
import type { ExportFormat } from '../shared/export';

/** The part of Electron's save dialog we use, so the wiring runs under Vitest without Electron. */
export type AskWhereToSave = (options: {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}) => Promise<{ canceled: boolean; filePath?: string }>;

const kinds: Record<ExportFormat, string> = { md: 'Markdown', html: 'Web page', json: 'JSON' };

/**
 * Exports in Electron go where the person picks in the system's save dialog, which the main
 * process shows: the path comes from the dialog, never from the renderer.
 */
export function saveExportThrough(ask: AskWhereToSave, folder: string): SaveExport {
  return async (fileName, format, chunks) => {
    const { canceled, filePath } = await ask({
      title: 'Export session',
      defaultPath: join(folder, fileName),
      filters: [{ name: kinds[format], extensions: [exportExtensions[format].slice(1)] }],
    });
    if (canceled || !filePath) return null;
    await writeFileAtomically(filePath, chunks());
    return basename(filePath);
  };
}
