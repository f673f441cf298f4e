import { Eye } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { WatchStatus } from '../../../shared/watch';
import { client } from '../../api';
import { counted } from '../../lib/words';

/**
 * Says when the window may not follow the files live: a folder is polled because the system ran
 * out of file watches (with what to do about it), is missing, or its watcher failed.
 */
export function WatchNotice() {
  const [status, setStatus] = useState<WatchStatus | null>(null);

  useEffect(() => {
    // Subscribed first, so no change is lost between the answer and the subscription.
    const stop = client.on('watch.status', setStatus);
    void client.call('watch.status', {}).then(setStatus, () => undefined);
    return stop;
  }, []);

  const text = status ? noticeOf(status) : null;
  if (!status || !text) return null;
  const details = [
    ...status.roots.flatMap((root) => (root.problem ? [root.problem] : [])),
    ...(status.hint ? [status.hint] : []),
  ].join('\n');
  return (
    <span className="status-watch" role="status" title={details || undefined}>
      <Eye size={13} aria-hidden="true" /> {text}
    </span>
  );
}

function noticeOf(status: WatchStatus): string | null {
  const polled = status.roots.filter((root) => root.mode === 'polling').length;
  const missing = status.roots.filter((root) => !root.present).length;
  const failing = status.roots.filter((root) => root.mode === 'native' && root.problem).length;
  const parts = [
    polled > 0 && `${counted(polled, 'folder')} checked every second: the system is out of file watches`,
    missing > 0 && `${counted(missing, 'session folder')} missing, watched for its return`,
    failing > 0 && `${counted(failing, 'folder')} not followed live`,
  ].filter((part): part is string => part !== false);
  return parts.length > 0 ? parts.join(' · ') : null;
}
