import { ChevronDown } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import type { ReactNode, ToggleEvent } from 'react';

interface Props {
  /** The button's accessible name; it starts with what the button shows, so speech finds it. */
  label: string;
  /** What the menu is, as the popover's name. */
  title: string;
  icon: ReactNode;
  children: ReactNode;
  /** Shown on the button: the current choice, or how many filters are on. */
  value?: ReactNode;
  active?: boolean;
}

/**
 * A toolbar button and the panel it opens, on the browser's own popover: it sits above the panes,
 * closes on Esc or a click outside and gives focus back to its button, with no code of ours.
 */
export function ListMenu({ label, title, icon, value, active = false, children }: Props) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);

  // Placed under its button as it opens, kept inside the window; before it shows, so it never jumps.
  function place(event: ToggleEvent<HTMLDivElement>) {
    if (event.newState !== 'open' || !button.current || !panel.current) return;
    const anchor = button.current.getBoundingClientRect();
    const width = Math.min(288, window.innerWidth - 16);
    panel.current.style.width = `${width}px`;
    panel.current.style.left = `${Math.max(8, Math.min(anchor.left, window.innerWidth - width - 8))}px`;
    panel.current.style.top = `${anchor.bottom + 4}px`;
    panel.current.style.maxHeight = `${Math.max(160, window.innerHeight - anchor.bottom - 16)}px`;
  }

  function toggled(event: ToggleEvent<HTMLDivElement>) {
    const isOpen = event.newState === 'open';
    setOpen(isOpen);
    if (isOpen) panel.current?.querySelector<HTMLElement>('input:checked, input, select, button')?.focus();
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        className={`list-menu-button${active ? ' active' : ''}`}
        popoverTarget={id}
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={open}
      >
        {icon}
        {value !== undefined && <span className="list-menu-value">{value}</span>}
        <ChevronDown size={11} aria-hidden="true" className="list-menu-chevron" />
      </button>
      <div
        ref={panel}
        id={id}
        popover="auto"
        role="dialog"
        aria-label={title}
        className="list-menu"
        onBeforeToggle={place}
        onToggle={toggled}
        // The window's list keys (j, k, Delete…) are not for what is typed or chosen in here.
        onKeyDown={(event) => event.stopPropagation()}
      >
        {children}
      </div>
    </>
  );
}
