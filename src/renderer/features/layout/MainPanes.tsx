import type { ReactNode } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { usePaneLayout } from './usePaneLayout';

/** The session list beside the main view (a session, the trash or the history), resizable. */
export function MainPanes({ list, view }: { list: ReactNode; view: ReactNode }) {
  const { defaultLayout, onLayoutChanged } = usePaneLayout('main');
  return (
    <Group className="panes" id="panes-main" defaultLayout={defaultLayout} onLayoutChanged={onLayoutChanged}>
      {/* The list keeps its width as the window changes: rows are laid out for it. */}
      <Panel
        id="pane-list"
        className="pane"
        defaultSize={320}
        minSize={240}
        maxSize="50%"
        groupResizeBehavior="preserve-pixel-size"
      >
        {list}
      </Panel>
      <Separator className="pane-separator" aria-label="Resize the session list" />
      <Panel id="pane-view" className="pane" minSize={480}>
        {view}
      </Panel>
    </Group>
  );
}
