import { Check, Copy } from 'lucide-react';
import { useEffect, useState } from 'react';
import { copyText } from '../api';

/** How long "Copied" shows before the button is ready again. */
const confirmMs = 1500;

/**
 * Copies `text` to the clipboard. The button keeps its name ("Copy code"); what happened is said
 * beside it, as a status, for a moment.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (outcome === null) return;
    const timer = setTimeout(() => setOutcome(null), confirmMs);
    return () => clearTimeout(timer);
  }, [outcome]);

  return (
    <span className="copy">
      <button
        type="button"
        className="icon copy-button"
        aria-label={label}
        title={label}
        onClick={() => {
          copyText(text).then(
            () => setOutcome('copied'),
            () => setOutcome('failed'),
          );
        }}
      >
        {outcome === 'copied' ? (
          <Check size={13} aria-hidden="true" />
        ) : (
          <Copy size={13} aria-hidden="true" />
        )}
      </button>
      {/* Only while there is something to say: a quiet region on every message and code block
          would crowd out the window's own status messages. */}
      {outcome && (
        <span role="status" className={`copy-status${outcome === 'failed' ? ' failed' : ''}`}>
          {outcome === 'copied' ? 'Copied' : 'Could not copy'}
        </span>
      )}
    </span>
  );
}
