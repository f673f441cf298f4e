import { ChevronRight, Folder, FolderUp } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import type { FolderListing } from '../../../shared/api';
import { formatLabels } from '../../../shared/model';
import { client } from '../../api';
import { Dialog } from '../../components/Dialog';
import { messageOf } from '../../store/messages';
import { useAppStore } from '../../store/store';
import './settings.css';

/**
 * Where the host has no folder dialog of its own (the browser host), folders are picked here.
 * Every folder is a token the core handed out when it listed it: no path is ever sent back.
 */
export function FolderBrowserDialog() {
  const open = useAppStore((state) => state.folderBrowserOpen);
  return open ? <FolderBrowser /> : null;
}

function FolderBrowser() {
  const close = useAppStore((state) => state.closeFolderBrowser);
  const addBrowsedFolder = useAppStore((state) => state.addBrowsedFolder);
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const go = useCallback(async (folder?: string) => {
    setBusy(true);
    try {
      setListing(await client.call('folders.browse', folder === undefined ? {} : { folder }));
      setError(null);
    } catch (reason) {
      setError(messageOf(reason));
    } finally {
      setBusy(false);
    }
  }, []);

  // The first listing, of the home folder; later ones come from clicks, through go().
  useEffect(() => {
    let current = true;
    client
      .call('folders.browse', {})
      .then((first) => current && setListing(first))
      .catch((reason: unknown) => current && setError(messageOf(reason)));
    return () => {
      current = false;
    };
  }, []);

  const choose = async () => {
    if (!listing) return;
    setBusy(true);
    try {
      await addBrowsedFolder(listing.id);
    } catch (reason) {
      setError(messageOf(reason));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Add a folder of sessions"
      description="Pick the folder an agent keeps its sessions in. Hidden folders are listed too."
      wide
      onDismiss={close}
      onSubmit={() => void choose()}
      footer={
        <>
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!listing || busy}>
            Choose this folder
          </button>
        </>
      }
    >
      <div className="folder-browser">
        <div className="folder-bar">
          <button
            type="button"
            onClick={() => void go(listing?.parent?.id)}
            disabled={!listing?.parent || busy}
            aria-label="Up to the parent folder"
          >
            <FolderUp size={14} aria-hidden="true" /> Up
          </button>
          <nav aria-label="Folder path" className="folder-trail">
            <ol>
              {listing?.trail.map((step, index) => (
                <li key={step.id}>
                  {index > 0 && <ChevronRight size={12} aria-hidden="true" />}
                  {index === listing.trail.length - 1 ? (
                    <span aria-current="location">{step.name}</span>
                  ) : (
                    <button type="button" className="link" onClick={() => void go(step.id)} disabled={busy}>
                      {step.name}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          </nav>
        </div>
        {listing && (
          <p className="muted small folder-format" aria-live="polite">
            {listing.format
              ? `This folder holds ${formatLabels[listing.format]} sessions.`
              : 'No sessions of a known format here.'}
          </p>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <ul className="folder-list" aria-label="Subfolders" aria-busy={busy}>
          {listing?.folders.map((folder) => (
            <li key={folder.id}>
              <button type="button" onClick={() => void go(folder.id)} disabled={busy}>
                <Folder size={14} aria-hidden="true" />
                {folder.name}
              </button>
            </li>
          ))}
          {listing && listing.folders.length === 0 && <li className="muted">No subfolders.</li>}
        </ul>
      </div>
    </Dialog>
  );
}
