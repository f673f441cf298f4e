import { Trash2 } from 'lucide-react';
import { Dialog } from '../../components/Dialog';
import { counted } from '../../lib/words';
import { useAppStore } from '../../store/store';

/**
 * Deleting from the trash is the one write the app cannot undo, so it always asks. Which way the
 * files go is only known once it is done; the host says which way it will be.
 */
/** Enough to recognise the batch by; the count in the title says how many there are. */
const shownTitles = 6;

export function PurgeDialog() {
  const purge = useAppStore((state) => state.purge);
  const host = useAppStore((state) => state.info?.host);
  const close = useAppStore((state) => state.closePurge);
  const confirm = useAppStore((state) => state.confirmPurge);
  if (!purge) return null;

  const count = purge.trashIds.length;
  const them = count === 1 ? 'it' : 'them';
  const [only] = purge.titles;
  const what = count === 1 && only !== undefined ? `“${only}”` : counted(count, 'session');
  const listed = purge.titles.slice(0, shownTitles);
  const where =
    host === 'electron'
      ? `${count === 1 ? 'It goes' : 'They go'} to the system trash, where you can still recover ${them} until it is emptied.`
      : `${count === 1 ? 'It is' : 'They are'} removed from disk for good.`;
  return (
    <Dialog
      title={`Delete ${what} permanently?`}
      description={`${where} Sessionscope cannot undo this.`}
      onDismiss={close}
      onSubmit={() => void confirm()}
      footer={
        <>
          <button type="button" onClick={close} data-autofocus>
            Cancel
          </button>
          <button type="submit" className="danger-solid" disabled={purge.busy}>
            <Trash2 size={14} aria-hidden="true" /> {purge.busy ? 'Deleting…' : 'Delete permanently'}
          </button>
        </>
      }
    >
      {count > 1 && (
        <ul className="purge-list" aria-label="Sessions to delete">
          {listed.map((title, index) => (
            <li key={index}>{title}</li>
          ))}
          {count > listed.length && <li className="muted">and {count - listed.length} more</li>}
        </ul>
      )}
    </Dialog>
  );
}
