import type { StateCreator } from 'zustand';
import type { SessionRef, Turn } from '../../../shared/model';
import { client } from '../../api';
import { messageOf } from '../../store/messages';
import type { AppState } from '../../store/store';
import { findStep, firstFrom } from './findStep';

/** Matching turns asked of the core at most; the count still says how many there are. */
const findLimit = 10_000;
/** The contract's largest page of turns. */
const maxPage = 500;

export interface FindState {
  ref: SessionRef;
  query: string;
  status: 'idle' | 'finding' | 'ready' | 'error';
  /** Matching turn indexes, ascending. */
  turns: number[];
  total: number;
  /** What to mark in the turns shown. */
  highlights: string[];
  /** Which of `turns` is current; null before the first step. */
  at: number | null;
  error: string | null;
  /** Goes up each time the find is asked for again while open, so its field takes the focus. */
  focusSeq: number;
}

/** A turn the conversation scrolls to and marks; `seq` tells one jump from the next to the same turn. */
export interface Jump {
  ref: SessionRef;
  turn: number;
  seq: number;
  /** Whether the turn takes the keyboard focus (Go to turn) or it stays where it is (the find bar). */
  focus: boolean;
}

export interface FindSlice {
  /** The find bar of the open session; null while it is closed. */
  find: FindState | null;
  jump: Jump | null;
  goToTurnOpen: boolean;
  showGoToTurn(open: boolean): void;
  /** Loads the open session's turns as far as `turn` (0-based) and brings it into view. */
  goToTurn(turn: number, focus?: boolean): Promise<boolean>;
  openFind(): void;
  closeFind(): void;
  runFind(query: string): Promise<void>;
  stepFind(by: 1 | -1): Promise<void>;
  /** The turn at the top of the conversation as it scrolls: a new find starts there. */
  noteReading(turn: number): void;
}

function same(a: SessionRef | null | undefined, b: SessionRef | null | undefined): boolean {
  return !!a && !!b && a.root === b.root && a.id === b.id;
}

export const createFindSlice: StateCreator<AppState, [], [], FindSlice> = (set, get) => {
  // Not state: it changes on every scroll and nothing renders from it.
  let reading = 0;
  return {
    find: null,
    jump: null,
    goToTurnOpen: false,

    showGoToTurn(open) {
      set({ goToTurnOpen: open });
    },

    async goToTurn(turn, focus = true) {
      const ref = get().openRef;
      if (!ref || !Number.isInteger(turn) || turn < 0 || turn >= get().turnsTotal) return false;
      // The list holds turns from the first on, so every page up to the turn is read; a page loaded
      // meanwhile by scrolling (or a refresh) is taken as it is and reading goes on after it.
      while (get().turns.length <= turn) {
        const before: Turn[] = get().turns;
        const page = await client.call('session.turns', {
          ref,
          from: before.length,
          count: Math.min(maxPage, Math.max(turn + 1 - before.length, 200)),
        });
        if (!same(get().openRef, ref)) return false;
        if (get().turns !== before) continue;
        if (page.turns.length === 0) return false;
        set({ turns: [...before, ...page.turns], turnsTotal: page.total });
      }
      set({ jump: { ref, turn, seq: (get().jump?.seq ?? 0) + 1, focus } });
      return true;
    },

    openFind() {
      const ref = get().openRef;
      if (!ref) return;
      const find = get().find;
      if (find && same(find.ref, ref)) {
        set({ find: { ...find, focusSeq: find.focusSeq + 1 } });
        return;
      }
      set({
        find: {
          ref,
          query: '',
          status: 'idle',
          turns: [],
          total: 0,
          highlights: [],
          at: null,
          error: null,
          focusSeq: 0,
        },
      });
    },

    closeFind() {
      set({ find: null });
    },

    async runFind(query) {
      const find = get().find;
      if (!find) return;
      const { ref } = find;
      if (query.trim() === '') {
        set({
          find: {
            ...find,
            query,
            status: 'idle',
            turns: [],
            total: 0,
            highlights: [],
            at: null,
            error: null,
          },
        });
        return;
      }
      set({ find: { ...find, query, status: 'finding', error: null } });
      try {
        const found = await client.call('session.find', { ref, query, limit: findLimit });
        const now = get().find;
        // Typing on, or closing the bar, makes this answer stale.
        if (!now || !same(now.ref, ref) || now.query !== query) return;
        const start = firstFrom(found.turns, reading);
        set({ find: { ...now, status: 'ready', ...found, at: start } });
        if (start !== null) await get().goToTurn(found.turns[start] as number, false);
      } catch (error) {
        const now = get().find;
        if (now && same(now.ref, ref) && now.query === query) {
          set({ find: { ...now, status: 'error', error: messageOf(error) } });
        }
      }
    },

    async stepFind(by) {
      const find = get().find;
      if (!find || find.status !== 'ready') return;
      const at = findStep(find.turns.length, find.at, by);
      if (at === null) return;
      set({ find: { ...find, at } });
      await get().goToTurn(find.turns[at] as number, false);
    },

    noteReading(turn) {
      reading = turn;
    },
  };
};
