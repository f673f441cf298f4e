import { X } from 'lucide-react';
import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  /** One line under the title saying what the dialog is for; it is the dialog's description. */
  description?: ReactNode;
  children: ReactNode;
  /** The buttons; a submit button among them is what Enter presses. */
  footer: ReactNode;
  onDismiss(): void;
  onSubmit?(): void;
  wide?: boolean;
}

const focusable = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), [tabindex="0"]';

/**
 * A modal on the native <dialog>: showModal() puts it in the top layer, makes the rest of the
 * window inert (so Tab stays inside) and closes it on Esc. The store decides whether it is open:
 * it is shown while mounted, and a native close (Esc) is reported through onDismiss.
 */
export function Dialog({ title, description, children, footer, onDismiss, onSubmit, wide = false }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const placed = useRef(false);

  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    return () => element.close();
  }, []);

  // showModal() focuses the first control, the close button; the dialog names its own with
  // data-autofocus, which may only be enabled once its data has loaded. And a focused button that
  // turns disabled (while a write runs) drops focus to the body: bring it back inside.
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const target = element.querySelector<HTMLElement>(`[data-autofocus]:is(${focusable})`);
    if (!placed.current && target) {
      target.focus();
      placed.current = true;
    } else if (!element.contains(document.activeElement)) {
      (target ?? element.querySelector<HTMLElement>(focusable))?.focus();
    }
  });

  return (
    <dialog
      ref={dialog}
      className={`dialog${wide ? ' wide' : ''}`}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      // The close event of a previous mount can arrive after this one opened (StrictMode); only a
      // dialog that is really closed is dismissed.
      onClose={() => {
        if (!dialog.current?.open) onDismiss();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit?.();
        }}
      >
        <header className="dialog-header">
          <div>
            <h2 id={titleId}>{title}</h2>
            {description && (
              <p id={descriptionId} className="dialog-description">
                {description}
              </p>
            )}
          </div>
          <button type="button" className="icon" aria-label="Close dialog" onClick={onDismiss}>
            <X size={16} aria-hidden="true" />
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        <footer className="dialog-footer">{footer}</footer>
      </form>
    </dialog>
  );
}
