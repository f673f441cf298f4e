import { useEffect, useRef, useState } from 'react';
import type { SessionRef } from '../../shared/model';
import { useAppStore } from '../store/store';

interface Props {
  sessionRef: SessionRef;
  initial: string;
  className?: string;
}

/** Inline rename: Enter saves, Esc cancels, leaving the field saves a changed name. */
export function RenameInput({ sessionRef, initial, className }: Props) {
  const [value, setValue] = useState(initial);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const rename = useAppStore((state) => state.rename);
  const cancel = useAppStore((state) => state.cancelRename);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function save() {
    const title = value.trim();
    if (saving) return;
    if (!title || title === initial) return cancel();
    setSaving(true);
    if (!(await rename(sessionRef, title))) setSaving(false);
  }

  return (
    <input
      ref={input}
      className={`rename-input ${className ?? ''}`}
      aria-label="New session name"
      value={value}
      maxLength={200}
      disabled={saving}
      onChange={(event) => setValue(event.target.value)}
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') void save();
        if (event.key === 'Escape') cancel();
      }}
      onBlur={() => void save()}
    />
  );
}
