import { useEffect, useId, useState } from 'react';
import { client } from '../../api';
import { messageOf } from '../../store/messages';
import { useAppStore } from '../../store/store';
import { retentionProblem } from './retention';
import { Section } from './Section';

export function TrashSection() {
  const notify = useAppStore((state) => state.notify);
  const [saved, setSaved] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = useId();
  const errorId = useId();

  useEffect(() => {
    client
      .call('settings.get', {})
      .then((settings) => {
        setSaved(settings.trashRetentionDays);
        setText(String(settings.trashRetentionDays));
      })
      .catch((reason: unknown) => setError(messageOf(reason)));
  }, []);

  const save = async () => {
    const problem = retentionProblem(text);
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      const settings = await client.call('settings.update', { trashRetentionDays: Number(text) });
      setSaved(settings.trashRetentionDays);
      notify({
        message: `Deleted sessions are now kept for ${settings.trashRetentionDays} days`,
        tone: 'info',
      });
    } catch (reason) {
      setError(messageOf(reason));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section
      title="Trash"
      description="Deleted sessions wait in Recently deleted for this long, then are removed for good."
    >
      <form
        className="settings-row"
        // Checked here, with a message that says what will do, not by the browser's own bubble.
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label htmlFor={fieldId}>Keep deleted sessions for</label>
        <input
          id={fieldId}
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          step={1}
          className="days-field"
          value={text}
          disabled={saved === null}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
          }}
        />
        <span>days</span>
        <button type="submit" disabled={busy || saved === null || text === String(saved)}>
          Save
        </button>
      </form>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </Section>
  );
}
