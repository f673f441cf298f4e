import type { StateCreator } from 'zustand';
import { AppError } from '../../shared/errors';
import type { SessionDetail, SessionRef, Turn } from '../../shared/model';
import { client } from '../api';
import { messageOf } from './messages';
import type { AppState } from './store';

const pageSize = 200;
/** The contract's largest page. */
const maxPage = 500;

export interface SessionSlice {
  openRef: SessionRef | null;
  detail: SessionDetail | null;
  turns: Turn[];
  turnsTotal: number;
  sessionStatus: 'idle' | 'loading' | 'ready' | 'error';
  sessionError: string | null;
  /** The open session's files were deleted on disk: what shows is what it held when last read. */
  sessionGone: boolean;
  /** The turn to bring into view once its session opens: where a search hit was found. */
  focusTurn: { ref: SessionRef; turn: number } | null;
  /** Opens a session, with its turns loaded up to `atTurn` and that turn focused when given. */
  openSession(ref: SessionRef, atTurn?: number | null): Promise<void>;
  loadMoreTurns(): Promise<void>;
  closeSession(): void;
  /** Re-reads the open session after a change on disk, as many turns as were already shown. */
  refreshSession(): Promise<void>;
}

export function sameRef(a: SessionRef | null, b: SessionRef | null): boolean {
  return !!a && !!b && a.root === b.root && a.id === b.id;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set, get) => ({
  openRef: null,
  detail: null,
  turns: [],
  turnsTotal: 0,
  sessionStatus: 'idle',
  sessionError: null,
  sessionGone: false,
  focusTurn: null,

  async openSession(ref, atTurn = null) {
    set({
      mainView: 'session',
      openRef: ref,
      // However it was opened (a click, a search hit, the palette), the keyboard goes on from it.
      cursor: ref,
      detail: null,
      turns: [],
      turnsTotal: 0,
      sessionStatus: 'loading',
      sessionError: null,
      sessionGone: false,
      focusTurn: atTurn === null ? null : { ref, turn: atTurn },
    });
    try {
      // The conversation scrolls to its focused turn only as it mounts, so that turn must be loaded.
      const [detail, page] = await Promise.all([
        client.call('session.get', { ref }),
        readTurns(ref, Math.max(pageSize, (atTurn ?? 0) + 1)),
      ]);
      if (!sameRef(get().openRef, ref)) return;
      set({ detail, turns: page.turns, turnsTotal: page.total, sessionStatus: 'ready' });
    } catch (error) {
      if (sameRef(get().openRef, ref)) set({ sessionStatus: 'error', sessionError: messageOf(error) });
    }
  },

  async loadMoreTurns() {
    const { openRef: ref, turns, turnsTotal } = get();
    if (!ref || turns.length >= turnsTotal) return;
    const page = await client.call('session.turns', { ref, from: turns.length, count: pageSize });
    if (!sameRef(get().openRef, ref) || get().turns.length !== turns.length) return;
    set({ turns: [...turns, ...page.turns], turnsTotal: page.total });
  },

  closeSession() {
    set({
      openRef: null,
      detail: null,
      turns: [],
      turnsTotal: 0,
      sessionStatus: 'idle',
      sessionError: null,
      sessionGone: false,
      focusTurn: null,
    });
  },

  async refreshSession() {
    const { openRef: ref, turns, turnsTotal, detail: before } = get();
    if (!ref) return;
    try {
      const detail = await client.call('session.get', { ref });
      // A file that only grew was appended to: the turns shown stay, and only the last of them (it
      // may have gained its tool results) and, when the person had read to the end, what follows
      // are read. Anything else may have changed any turn, so everything shown is read again.
      const grew =
        before !== null && turns.length > 0 && detail.summary.sizeBytes >= before.summary.sizeBytes;
      if (grew) {
        const from = turns.length - 1;
        const page = await client.call('session.turns', {
          ref,
          from,
          count: turns.length >= turnsTotal ? maxPage : 1,
        });
        if (!sameRef(get().openRef, ref) || get().turns !== turns) return;
        if (page.from === from && page.total >= turns.length) {
          set({
            detail,
            turns: [...turns.slice(0, from), ...page.turns],
            turnsTotal: page.total,
            sessionGone: false,
          });
          return;
        }
      }
      const page = await readTurns(ref, Math.max(turns.length, pageSize));
      if (sameRef(get().openRef, ref))
        set({ detail, turns: page.turns, turnsTotal: page.total, sessionGone: false });
    } catch (error) {
      // Gone from disk: the person keeps reading what was there and is told; other failures
      // (a file mid-write) leave the view as it was until the next change.
      if (error instanceof AppError && error.code === 'not_found' && sameRef(get().openRef, ref)) {
        set({ sessionGone: true });
      }
    }
  },
});

/** The first `count` turns, in as few pages as the contract allows. */
async function readTurns(ref: SessionRef, count: number): Promise<{ turns: Turn[]; total: number }> {
  const turns: Turn[] = [];
  for (;;) {
    const page = await client.call('session.turns', {
      ref,
      from: turns.length,
      count: Math.min(maxPage, count - turns.length),
    });
    turns.push(...page.turns);
    if (page.turns.length === 0 || turns.length >= Math.min(count, page.total)) {
      return { turns, total: page.total };
    }
  }
}
