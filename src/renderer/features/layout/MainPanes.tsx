import type { ReactNode } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { usePaneLayout } from './usePaneLayout';

interface Props {
  sources: ReactNode;
  list: ReactNode;
  /** A session, the trash or the history. */
  view: ReactNode;
}

/**
 * The sources, the session list and the main view, each resizable. The sources wrap the older
 * list-and-view split rather than joining it, so that split's saved sizes still fit it.
 */
export function MainPanes({ sources, list, view }: Props) {
  const outer = usePaneLayout('sources');
  const main = usePaneLayout('main');
  return (
    <Group
      className="panes"
      id="panes-sources"
      defaultLayout={outer.defaultLayout}
      onLayoutChanged={outer.onLayoutChanged}
    >
      {/* Sidebars keep their width as the window changes: their lines are laid out for it. */}
      <Panel
        id="pane-sources"
        className="pane"
        defaultSize={232}
        minSize={160}
        maxSize="30%"
        groupResizeBehavior="preserve-pixel-size"
      >
        {sources}
      </Panel>
      <Separator className="pane-separator" aria-label="Resize the sources" />
      <Panel id="pane-main" className="pane" minSize={720}>
        <Group
          className="panes"
          id="panes-main"
          defaultLayout={main.defaultLayout}
          onLayoutChanged={main.onLayoutChanged}
        >
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
      </Panel>
    </Group>
  );
}
