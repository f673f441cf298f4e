import { useAppStore } from '../../store/store';
import { CompactDialog } from './CompactDialog';
import { RemoveLastDialog } from './RemoveLastDialog';
import { UnreadableDialog } from './UnreadableDialog';

/** The one session write dialog that is open, if any; keyed so each opening starts fresh. */
export function WriteDialogs() {
  const dialog = useAppStore((state) => state.writeDialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'remove-last':
      return <RemoveLastDialog key={dialog.id} dialog={dialog} />;
    case 'compact':
      return <CompactDialog key={dialog.id} dialog={dialog} />;
    case 'unreadable':
      return <UnreadableDialog key={dialog.id} dialog={dialog} />;
  }
}
