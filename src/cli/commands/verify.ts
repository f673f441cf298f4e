import { AppError } from '../../shared/errors';
import type { ChainReport } from '../../shared/model';
import type { Command } from '../command';
import { jsonLine } from '../command';
import { chainReportJson } from '../json';
import { locate } from '../locate';
import { cleanLine } from '../sanitize';

const thousands = new Intl.NumberFormat('en-US');

/** Why the chain broke, as the error line and the human report both say it. */
function brokenAt(report: ChainReport): string {
  return `chain broken at line ${report.firstBadLine ?? '?'}: ${cleanLine(report.reason ?? 'unknown reason')}`;
}

/** The head in full, so it can be pasted into `fork --at`. */
function formatReport(report: ChainReport): string {
  if (!report.ok) return `${brokenAt(report)}\n`;
  const lines = `${thousands.format(report.lines)} ${report.lines === 1 ? 'line' : 'lines'}`;
  return `chain verified: ${lines}, ${report.headHash === null ? 'no head (empty log)' : `head ${report.headHash}`}\n`;
}

export const verifyCommand: Command = {
  name: 'verify',
  operands: [{ name: 'id' }],
  summary: 'check the hash chain of a yoi log line by line; exit 1 when broken',
  async run(context, [id = '']) {
    const { ref } = await locate(context, id);
    const report = await context.call('session.verify', { ref });
    await context.print(context.json ? jsonLine(chainReportJson(report)) : formatReport(report));
    // The report went to stdout either way; the error line and exit 1 let scripts tell a broken
    // chain from a verified one without parsing it.
    if (!report.ok) throw new AppError('corrupt', brokenAt(report));
  },
};
