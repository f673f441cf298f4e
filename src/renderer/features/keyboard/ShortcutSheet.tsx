import { Dialog } from '../../components/Dialog';
import { useAppStore } from '../../store/store';
import { isMac } from './platform';
import { shortcutList } from './shortcuts';

/** Opened by `?` and from the palette. */
export function ShortcutSheet() {
  const showOverlay = useAppStore((state) => state.showOverlay);
  const close = () => showOverlay(null);
  return (
    <Dialog
      title="Keyboard shortcuts"
      description="Every action is also in the command palette."
      onDismiss={close}
      footer={
        <button type="button" data-autofocus onClick={close}>
          Close
        </button>
      }
    >
      <table className="shortcut-table" aria-label="Shortcuts">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {shortcutList(isMac).map((shortcut) => (
            <tr key={shortcut.id}>
              <td className="shortcut-keys">
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && <span className="muted"> or </span>}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{shortcut.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
