import type { SessionSummary } from '../../../../shared/model';
import { SessionState } from '../../session/SessionState';
import type { Property } from '../Properties';
import { When } from '../When';

/** The run state ZeroClaw records in sessions.db; "not set" where it has never recorded one. */
export function runStateProperties(session: SessionSummary): Property[] {
  const state = session.state;
  return [
    [
      'Run state',
      state &&
        (state.state === 'idle' ? (
          <span className="insp-dim">idle</span>
        ) : (
          <SessionState session={session} />
        )),
    ],
    ['Turn id', state?.turnId ? <code className="insp-selectable">{state.turnId}</code> : null],
    ['Turn started', state?.turnStartedAt ? <When iso={state.turnStartedAt} /> : null],
  ];
}
