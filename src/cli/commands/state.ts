import { runStates } from '../../shared/model';
import type { RunState, SessionRunState } from '../../shared/model';
import type { Command } from '../command';
import { jsonLine } from '../command';
import { UsageError } from '../errors';
import { formatDuration, localTime } from '../format';
import { usageOf } from '../help';
import { runStateJson, summaryJson } from '../json';
import { locate } from '../locate';
import { cleanLine } from '../sanitize';

function notes(parts: string[]): string {
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function turnOf(state: SessionRunState): string[] {
  return state.turnId === null ? [] : [`turn ${cleanLine(state.turnId)}`];
}

/** "running for 5 min (turn t-1, since 2026-03-10 12:00)", "idle", "no state recorded". */
function describe(state: SessionRunState | null, now: Date): string {
  if (state === null) return 'no state recorded';
  if (state.state !== 'running' || state.turnStartedAt === null) return state.state + notes(turnOf(state));
  const running = formatDuration(now.getTime() - Date.parse(state.turnStartedAt));
  return `running for ${running}${notes([...turnOf(state), `since ${localTime(state.turnStartedAt)}`])}`;
}

export const stateCommand: Command = {
  name: 'state',
  operands: [{ name: 'id' }, { name: 'state', optional: true, choices: runStates }],
  options: { turnId: 'optional' },
  summary: "print a session's run state, or record one as the agent would",
  async run(context, [id = '', word], { turnId }) {
    if (word === undefined && turnId !== undefined) {
      throw new UsageError(`--turn-id needs a state to record; usage: ${usageOf(stateCommand)}`);
    }
    const found = await locate(context, id);
    const summary =
      word === undefined
        ? found
        : await context.call('session.setState', {
            ref: found.ref,
            // Checked against runStates before the command ran.
            state: word as RunState,
            turnId: turnId ?? null,
          });
    const { state } = summary;
    const shownId = cleanLine(summary.ref.id);
    if (context.json) {
      await context.print(jsonLine({ summary: summaryJson(summary), state: runStateJson(state) }));
    } else if (word === undefined) {
      await context.print(`${shownId}: ${describe(state, new Date())}\n`);
    } else {
      await context.print(
        `Recorded ${shownId} as ${state?.state ?? word}${notes(state ? turnOf(state) : [])}.\n`,
      );
    }
  },
};
