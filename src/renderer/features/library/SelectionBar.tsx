import { Trash2, X } from 'lucide-react';
import { counted } from '../../lib/words';
import { useAppStore } from '../../store/store';

/** What can be done with the sessions picked in the list: one move to the trash, one Undo. */
export function SelectionBar({ count }: { count: number }) {
  const trashSelected = useAppStore((state) => state.trashSelected);
  const clearSelection = useAppStore((state) => state.clearSelection);
  const busy = useAppStore((state) => state.trashingSelection);

  return (
    <div className="selection-bar" role="toolbar" aria-label="Selected sessions">
      <button
        type="button"
        className="icon"
        aria-label="Clear selection"
        title="Clear selection"
        onClick={clearSelection}
      >
        <X size={16} aria-hidden="true" />
      </button>
      <span className="selection-count" aria-live="polite">
        {counted(count, 'selected', 'selected')}
      </span>
      <button type="button" className="danger-solid" disabled={busy} onClick={() => void trashSelected()}>
        <Trash2 size={14} aria-hidden="true" /> {busy ? 'Moving…' : 'Move to trash'}
      </button>
    </div>
  );
}
