import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Library } from '../core/library';
import { sendJson } from './headers';

/**
 * Streams the export a ticket names as an attachment the browser saves. The name is the export's
 * own ASCII-only file name, so it needs no quoting beyond the quotes around it.
 */
export async function sendExport(library: Library, ticket: string, response: ServerResponse): Promise<void> {
  let document;
  try {
    document = await library.exportDownload(ticket);
  } catch (error) {
    return sendJson(response, 404, { error: error instanceof Error ? error.message : 'not found' });
  }
  if (!document) return sendJson(response, 404, { error: 'this export link was used or has expired' });
  response.writeHead(200, {
    'Content-Type': document.mediaType,
    'Content-Disposition': `attachment; filename="${document.fileName}"`,
    'Cache-Control': 'no-store',
  });
  // A session that fails midway (deleted while exporting) cuts the download short, which the
  // browser shows as failed; headers are gone by then, so there is no other way to say so.
  await pipeline(Readable.from(document.chunks), response).catch(() => response.destroy());
}
