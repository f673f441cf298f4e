import type { SessionSummary } from '../../shared/model';
import { table, truncate } from '../columns';
import type { Command } from '../command';
import { jsonLine } from '../command';
import { formatDuration } from '../format';
import { runStateJson, summaryJson } from '../json';
import { cleanLine } from '../sanitize';

const titleWidth = 60;

function startedAt(summary: SessionSummary): number | null {
  const started = summary.state?.turnStartedAt;
  return started ? Date.parse(started) : null;
}

/** The longest-running first; a turn with no recorded start cannot be placed, so it goes last. */
function longestFirst(a: SessionSummary, b: SessionSummary): number {
  return (startedAt(a) ?? Number.MAX_VALUE) - (startedAt(b) ?? Number.MAX_VALUE);
}

function formatStuck(sessions: SessionSummary[], now: Date): string {
  const rows = sessions.map((summary) => {
    const started = startedAt(summary);
    return [
      truncate(cleanLine(summary.title), titleWidth),
      started === null ? 'unknown' : formatDuration(now.getTime() - started),
      cleanLine(summary.state?.turnId ?? '-'),
      cleanLine(summary.ref.id),
    ];
  });
  return table([['TITLE', 'RUNNING FOR', 'TURN', 'ID'], ...rows], ['left', 'right', 'left', 'left']);
}

export const stuckCommand: Command = {
  name: 'stuck',
  operands: [],
  options: { thresholdSecs: 'required' },
  summary: 'sessions whose turn has been running for longer than the threshold',
  async run(context, _operands, { thresholdSecs = 0 }) {
    const sessions = (await context.call('sessions.stuck', { thresholdSecs })).sort(longestFirst);
    if (context.json) {
      await context.print(
        jsonLine(
          sessions.map((summary) => ({ summary: summaryJson(summary), state: runStateJson(summary.state) })),
        ),
      );
    } else if (sessions.length === 0) {
      await context.print(`No session has been running for more than ${thresholdSecs} s.\n`);
    } else {
      await context.print(formatStuck(sessions, new Date()));
    }
  },
};
