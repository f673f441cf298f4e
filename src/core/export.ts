import { randomBytes } from 'node:crypto';
import { exportFileName, exportMediaTypes, exportSession, turnPages } from '../shared/export';
import type { ExportFormat, ExportOutcome } from '../shared/export';
import { AppError } from '../shared/errors';
import type { SessionDetail, SessionRef, TurnPage } from '../shared/model';

/** How the export reads a session: the contract's own session.get and session.turns. */
export interface SessionReader {
  detail(ref: SessionRef): Promise<SessionDetail>;
  turns(ref: SessionRef, from: number, count: number): Promise<TurnPage>;
}

/**
 * A host that can ask where to save (Electron's save dialog) writes the document itself and
 * answers the name it was saved under, or null when the person cancelled. The chunks are made
 * only once a place is chosen, so a cancelled dialog reads nothing.
 */
export type SaveExport = (
  fileName: string,
  format: ExportFormat,
  chunks: () => AsyncIterable<string>,
) => Promise<string | null>;

/** A document on its way out, made a page of turns at a time as it is sent. */
export interface ExportDocument {
  fileName: string;
  mediaType: string;
  chunks: AsyncIterable<string>;
}

/** What "Copy as Markdown" will put on a clipboard; a longer session is exported to a file. */
export const maxCopyBytes = 16 * 1024 * 1024;
const ticketLifeMs = 5 * 60_000;
const maxTickets = 64;

export const exportTicketPattern = /^[0-9a-f]{32}$/;

/**
 * Exports from the window. Where the host cannot save (the browser host), a one-time ticket names
 * the session and format for the download request that follows: that request is a plain link the
 * browser saves, so the ticket, not a path or a ref in a URL, is all it carries.
 */
export function windowExports(reader: SessionReader, save?: SaveExport) {
  const tickets = new Map<string, { ref: SessionRef; format: ExportFormat; expires: number }>();

  function document(detail: SessionDetail, ref: SessionRef, format: ExportFormat) {
    const pages = turnPages((from, count) => reader.turns(ref, from, count));
    return exportSession(format, detail, pages);
  }

  function issue(ref: SessionRef, format: ExportFormat): string {
    const now = Date.now();
    for (const [ticket, held] of tickets) if (held.expires <= now) tickets.delete(ticket);
    // Tickets nobody fetched (a blocked download) must not pile up: the oldest go first.
    while (tickets.size >= maxTickets) tickets.delete(tickets.keys().next().value as string);
    const ticket = randomBytes(16).toString('hex');
    tickets.set(ticket, { ref, format, expires: now + ticketLifeMs });
    return ticket;
  }

  return {
    async export(ref: SessionRef, format: ExportFormat): Promise<ExportOutcome> {
      const detail = await reader.detail(ref);
      if (!save) return { outcome: 'download', ticket: issue(ref, format) };
      const fileName = exportFileName(detail.summary.title, ref.id, format);
      const saved = await save(fileName, format, () => document(detail, ref, format));
      return saved === null ? { outcome: 'cancelled' } : { outcome: 'saved', fileName: saved };
    },

    /** The document a ticket names, once; null for a ticket unknown, used or expired. */
    async download(ticket: string): Promise<ExportDocument | null> {
      const held = exportTicketPattern.test(ticket) ? tickets.get(ticket) : undefined;
      tickets.delete(ticket);
      if (!held || held.expires <= Date.now()) return null;
      const detail = await reader.detail(held.ref);
      return {
        fileName: exportFileName(detail.summary.title, held.ref.id, held.format),
        mediaType: exportMediaTypes[held.format],
        chunks: document(detail, held.ref, held.format),
      };
    },

    async markdown(ref: SessionRef): Promise<{ text: string }> {
      const detail = await reader.detail(ref);
      const parts: string[] = [];
      let bytes = 0;
      for await (const chunk of document(detail, ref, 'md')) {
        bytes += Buffer.byteLength(chunk);
        if (bytes > maxCopyBytes) {
          throw new AppError(
            'unsupported',
            `This session is over ${maxCopyBytes / 1024 / 1024} MB as Markdown, too much to copy; export it to a file instead.`,
          );
        }
        parts.push(chunk);
      }
      return { text: parts.join('') };
    },
  };
}

export type WindowExports = ReturnType<typeof windowExports>;
