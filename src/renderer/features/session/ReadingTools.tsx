import { Hash, Search } from 'lucide-react';
import { useAppStore } from '../../store/store';
import { isMac } from '../keyboard/platform';
import { GoToTurnDialog } from '../find/GoToTurnDialog';
import { useFindKeys } from '../find/useFindKeys';

const mod = isMac ? '⌘' : 'Ctrl+';

/** Ways through a long conversation: find within it, and go to a turn by its number. */
export function ReadingTools({ turnCount }: { turnCount: number }) {
  useFindKeys();
  const openFind = useAppStore((state) => state.openFind);
  const showGoToTurn = useAppStore((state) => state.showGoToTurn);
  const goToTurnOpen = useAppStore((state) => state.goToTurnOpen);
  return (
    <div className="reading-tools">
      <button
        type="button"
        className="icon"
        onClick={openFind}
        aria-label="Find in session"
        title={`Find in session (${mod}F)`}
      >
        <Search size={15} aria-hidden="true" />
      </button>
      <button
        type="button"
        className="icon"
        onClick={() => showGoToTurn(true)}
        disabled={turnCount === 0}
        aria-label="Go to turn…"
        title={`Go to turn (${mod}G)`}
      >
        <Hash size={15} aria-hidden="true" />
      </button>
      {goToTurnOpen && <GoToTurnDialog />}
    </div>
  );
}
