import { useAppStore } from '../../store/store';
import { CommandPalette } from '../palette/CommandPalette';
import { ShortcutSheet } from './ShortcutSheet';

export function KeyboardOverlays() {
  const overlay = useAppStore((state) => state.overlay);
  if (overlay === 'palette') return <CommandPalette />;
  if (overlay === 'shortcuts') return <ShortcutSheet />;
  return null;
}
