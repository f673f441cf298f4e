import type { SessionSummary } from '../../../shared/model';
import { sameRef } from '../../store/sessionSlice';
import type { AppState } from '../../store/store';
import { useAppStore } from '../../store/store';
import { listNavigator } from './listNavigator';

/** The session F2 and Delete act on: the row the keyboard is on, else the open one. */
export function currentSession(state: AppState): SessionSummary | null {
  const ref = state.cursor ?? state.openRef;
  if (!ref) return null;
  const listed = state.sessions.find((session) => sameRef(session.ref, ref));
  if (listed) return listed;
  return state.detail && sameRef(state.detail.summary.ref, ref) ? state.detail.summary : null;
}

/**
 * Renames inline: in the open session's header unless the keyboard is in the list, else in the
 * session's row, scrolled into view first so the field exists to type into.
 */
export function renameCurrent(inList: boolean): void {
  const state = useAppStore.getState();
  const session = currentSession(state);
  if (!session?.capabilities.rename) return;
  const shownInHeader =
    state.mainView === 'session' && state.detail !== null && sameRef(state.detail.summary.ref, session.ref);
  if (shownInHeader && !inList) state.startRename(session.ref, 'header');
  else if (listNavigator()?.reveal(session.ref)) state.startRename(session.ref, 'list');
  else if (shownInHeader) state.startRename(session.ref, 'header');
}

/**
 * Through `remove`, so a yoi session others were made from still asks first. Once the session
 * has gone, the cursor moves on to its neighbour, focused when the key was pressed in the list,
 * so Delete can be pressed again.
 */
export async function trashCurrent(inList: boolean): Promise<void> {
  const state = useAppStore.getState();
  const session = currentSession(state);
  if (!session?.capabilities.delete) return;
  const next = listNavigator()?.neighbour(session.ref) ?? null;
  await state.remove(session.ref);
  const after = useAppStore.getState();
  const gone = !after.sessions.some((each) => sameRef(each.ref, session.ref));
  if (gone && sameRef(after.cursor, session.ref)) after.setCursor(next, inList && next !== null);
}
