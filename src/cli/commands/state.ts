import { runStates } from '../../shared/model';
import type { RunState, SessionRunState } from '../../shared/model';
import type { Command } from '../command';
import { jsonLine } from '../command';
import { UsageError } from '../errors';
import { undoNote } from '../followup';
import { formatDuration, localTime } from '../format';
import { usageOf } from '../help';
import { runStateJson, summaryJson, writeResultJson } from '../json';
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
    if (word === undefined) {
      await context.print(
        context.json
          ? jsonLine({ summary: summaryJson(found), state: runStateJson(found.state) })
          : `${cleanLine(found.ref.id)}: ${describe(found.state, new Date())}\n`,
      );
      return;
    }
    const result = await context.call('session.setState', {
      ref: found.ref,
      // Checked against runStates before the command ran.
      state: word as RunState,
      turnId: turnId ?? null,
    });
    const { summary, undoId } = result;
    const { state } = summary;
    await context.print(
      context.json
        ? jsonLine({ ...writeResultJson(result), state: runStateJson(state) })
        : `Recorded ${cleanLine(summary.ref.id)} as ${state?.state ?? word}` +
            `${notes(state ? turnOf(state) : [])}${undoNote(context, undoId)}\n`,
    );
  },
};
