import type { StateCreator } from 'zustand';
import type { ExportFormat } from '../../shared/export/types';
import type { SessionRef } from '../../shared/model';
import { client, copyText, exportDownloadHref } from '../api';
import { messageOf } from './messages';
import type { AppState } from './store';

export interface ExportTarget {
  ref: SessionRef;
  name: string;
}

export interface ExportSlice {
  /** The session the export dialog is open for. */
  exportTarget: ExportTarget | null;
  exportBusy: boolean;
  openExport(target: ExportTarget): void;
  closeExport(): void;
  exportSession(target: ExportTarget, to: ExportFormat): Promise<void>;
  copyAsMarkdown(target: ExportTarget): Promise<void>;
}

export const createExportSlice: StateCreator<AppState, [], [], ExportSlice> = (set, get) => ({
  exportTarget: null,
  exportBusy: false,

  openExport(target) {
    set({ exportTarget: target });
  },

  closeExport() {
    set({ exportTarget: null, exportBusy: false });
  },

  async exportSession(target, to) {
    set({ exportBusy: true });
    try {
      const done = await client.call('session.export', { ref: target.ref, to });
      if (done.outcome === 'download') download(exportDownloadHref(done.ticket));
      if (done.outcome === 'saved') get().notify({ message: `Exported to ${done.fileName}`, tone: 'info' });
      if (done.outcome !== 'cancelled') get().closeExport();
    } catch (error) {
      get().notify({ message: `Could not export “${target.name}”: ${messageOf(error)}`, tone: 'error' });
    } finally {
      set({ exportBusy: false });
    }
  },

  async copyAsMarkdown(target) {
    set({ exportBusy: true });
    try {
      const { text } = await client.call('session.markdown', { ref: target.ref });
      await copyText(text);
      get().notify({ message: `Copied “${target.name}” as Markdown`, tone: 'info' });
      get().closeExport();
    } catch (error) {
      get().notify({ message: `Could not copy “${target.name}”: ${messageOf(error)}`, tone: 'error' });
    } finally {
      set({ exportBusy: false });
    }
  },
});

/** The browser saves what a link with `download` points at, streaming it to disk. */
function download(href: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = '';
  link.rel = 'noopener';
  link.click();
}
