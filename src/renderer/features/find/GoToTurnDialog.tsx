import { useId, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { counted } from '../../lib/words';
import { useAppStore } from '../../store/store';

/** Ctrl/⌘+G, or the header's button: asks for a turn number and takes the conversation there. */
export function GoToTurnDialog() {
  const total = useAppStore((state) => state.turnsTotal);
  const showGoToTurn = useAppStore((state) => state.showGoToTurn);
  const goToTurn = useAppStore((state) => state.goToTurn);
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const errorId = useId();
  const number = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(number) && number >= 1 && number <= total;
  const close = () => showGoToTurn(false);

  return (
    <Dialog
      title="Go to turn"
      description={`This session has ${counted(total, 'turn')}.`}
      onDismiss={close}
      onSubmit={() => {
        setTried(true);
        if (!valid) return;
        close();
        void goToTurn(number - 1);
      }}
      footer={
        <>
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit">Go</button>
        </>
      }
    >
      <div className="dialog-fields">
        <label className="field">
          <span>Turn number</span>
          <input
            type="number"
            inputMode="numeric"
            data-autofocus
            value={text}
            aria-invalid={(tried && !valid) || undefined}
            aria-describedby={tried && !valid ? errorId : undefined}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        {tried && !valid && (
          <p id={errorId} className="field-error" role="alert">
            {total === 0 ? 'This session has no turns yet.' : `Enter a number from 1 to ${total}.`}
          </p>
        )}
      </div>
    </Dialog>
  );
}
