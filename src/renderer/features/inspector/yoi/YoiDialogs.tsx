import { GitBranch, Shrink, Trash2 } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../../../components/Dialog';
import { counted } from '../../../lib/words';
import { useAppStore } from '../../../store/store';
import type { YoiDialog } from '../../../store/yoiSlice';
import { shortHash } from './ChainBadge';

/** Mounted by the App, not the session view: a delete from the list can need its warning. */
export function YoiDialogs() {
  const dialog = useAppStore((state) => state.yoiDialog);
  if (!dialog) return null;
  if (dialog.kind === 'fork') return <ForkDialog dialog={dialog} />;
  if (dialog.kind === 'compact-new') return <CompactNewDialog dialog={dialog} />;
  return <DeleteOriginDialog dialog={dialog} />;
}

function ForkDialog({ dialog }: { dialog: Extract<YoiDialog, { kind: 'fork' }> }) {
  const close = useAppStore((state) => state.closeYoiDialog);
  const confirm = useAppStore((state) => state.confirmFork);
  return (
    <Dialog
      title="Fork from here?"
      description={
        <>
          A new session is made holding “{dialog.name}” up to{' '}
          {dialog.line === null ? 'this entry' : `line ${dialog.line}`}. This session stays as it is.
        </>
      }
      onDismiss={close}
      onSubmit={() => void confirm()}
      footer={
        <>
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" data-autofocus disabled={dialog.busy}>
            <GitBranch size={14} aria-hidden="true" /> {dialog.busy ? 'Forking…' : 'Fork'}
          </button>
        </>
      }
    >
      <p className="dialog-summary">
        Branches at entry <code title={dialog.atHash}>{shortHash(dialog.atHash)}</code>
      </p>
    </Dialog>
  );
}

function CompactNewDialog({ dialog }: { dialog: Extract<YoiDialog, { kind: 'compact-new' }> }) {
  const close = useAppStore((state) => state.closeYoiDialog);
  const confirm = useAppStore((state) => state.confirmCompactIntoNew);
  const [text, setText] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  // The dialog focuses only buttons and inputs by itself; the summary is what to type first.
  useEffect(() => field.current?.focus(), []);
  const empty = text.trim().length === 0;
  return (
    <Dialog
      wide
      title="Compact into a new session"
      description={
        <>
          A new session starts from this summary of “{dialog.name}”, as the agent’s own compaction does. This
          session stays as it is.
        </>
      }
      onDismiss={close}
      onSubmit={() => {
        if (!empty) void confirm(text);
      }}
      footer={
        <>
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={empty || dialog.busy}>
            <Shrink size={14} aria-hidden="true" /> {dialog.busy ? 'Compacting…' : 'Compact into new session'}
          </button>
        </>
      }
    >
      <label className="yoi-summary-field">
        <span>Summary</span>
        <textarea
          ref={field}
          rows={8}
          value={text}
          placeholder="What the new session should know of this one"
          onChange={(event) => setText(event.target.value)}
        />
      </label>
    </Dialog>
  );
}

function DeleteOriginDialog({ dialog }: { dialog: Extract<YoiDialog, { kind: 'delete-origin' }> }) {
  const close = useAppStore((state) => state.closeYoiDialog);
  const confirm = useAppStore((state) => state.confirmDeleteOrigin);
  const made = counted(dialog.made, 'session');
  return (
    <Dialog
      title="Delete a session others were made from?"
      description={
        <>
          {made} {dialog.made === 1 ? 'was' : 'were'} forked or compacted from “{dialog.name}”.
        </>
      }
      onDismiss={close}
      onSubmit={() => void confirm()}
      footer={
        <>
          <button type="button" onClick={close} data-autofocus>
            Cancel
          </button>
          <button type="submit" className="danger" disabled={dialog.busy}>
            <Trash2 size={14} aria-hidden="true" /> {dialog.busy ? 'Deleting…' : 'Delete'}
          </button>
        </>
      }
    >
      <p>
        They stay readable, but their link back will point at a session in the trash until you undo the
        delete.
      </p>
    </Dialog>
  );
}
