import { ChevronDown, ChevronUp, Search, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store/store';
import type { FindState } from './findSlice';
import { findCount } from './findStep';
import { sameJump } from './jump';
import './find.css';

/** Typing settles this long before the core is asked, so a word typed fast is one find. */
const settleMs = 200;

/** Ctrl/⌘+F: finds turns of the open session in the core, however many it has, and steps through them. */
export function FindBar() {
  const find = useAppStore((state) => (sameJump(state.find, state.openRef) ? state.find : null));
  return find ? <OpenFindBar find={find} /> : null;
}

function OpenFindBar({ find }: { find: FindState }) {
  const runFind = useAppStore((state) => state.runFind);
  const stepFind = useAppStore((state) => state.stepFind);
  const closeFind = useAppStore((state) => state.closeFind);
  const [text, setText] = useState(find.query);
  const field = useRef<HTMLInputElement>(null);
  // Where the keyboard was before the bar opened: Esc gives it back there.
  const [returnTo] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );

  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [find.focusSeq]);

  useEffect(() => {
    if (text === find.query) return;
    const timer = setTimeout(() => void runFind(text), settleMs);
    return () => clearTimeout(timer);
    // Only the typed text starts a find; the answer changing find.query must not start another.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const close = () => {
    closeFind();
    if (returnTo?.isConnected) returnTo.focus();
  };
  const step = (by: 1 | -1) => {
    // Enter before the typing settled finds at once rather than stepping through the last answer.
    if (text !== find.query) void runFind(text);
    else void stepFind(by);
  };
  const none = find.status !== 'ready' || find.turns.length === 0;

  return (
    <div className="find-bar" role="search" aria-label="Find in session">
      <Search size={14} aria-hidden="true" className="find-icon" />
      <input
        ref={field}
        type="text"
        aria-label="Find in session"
        placeholder="Find in session"
        spellCheck={false}
        value={text}
        aria-invalid={find.status === 'error' || undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            step(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            close();
          }
        }}
      />
      <span className="find-count" role="status" aria-live="polite">
        {countText(find, text)}
      </span>
      <button
        type="button"
        className="icon"
        aria-label="Previous match"
        disabled={none}
        onClick={() => step(-1)}
      >
        <ChevronUp size={15} aria-hidden="true" />
      </button>
      <button type="button" className="icon" aria-label="Next match" disabled={none} onClick={() => step(1)}>
        <ChevronDown size={15} aria-hidden="true" />
      </button>
      <button type="button" className="icon" aria-label="Close find" onClick={close}>
        <X size={15} aria-hidden="true" />
      </button>
    </div>
  );
}

function countText(find: FindState, typed: string): string {
  if (typed.trim() === '') return '';
  if (find.status === 'error') return find.error ?? 'Could not find';
  if (find.status !== 'ready' || typed !== find.query) return 'Finding…';
  return findCount(find.at, find.turns.length, find.total);
}
