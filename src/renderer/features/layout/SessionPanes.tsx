import type { ReactNode } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { usePaneLayout } from './usePaneLayout';

/** A session's conversation beside its format's inspector, resizable. */
export function SessionPanes({ conversation, inspector }: { conversation: ReactNode; inspector: ReactNode }) {
  const { defaultLayout, onLayoutChanged } = usePaneLayout('session');
  return (
    <Group
      className="session-panes"
      id="panes-session"
      defaultLayout={defaultLayout}
      onLayoutChanged={onLayoutChanged}
    >
      <Panel id="pane-conversation" className="pane" defaultSize="55%" minSize={320}>
        {conversation}
      </Panel>
      <Separator className="pane-separator" aria-label="Resize the inspector" />
      <Panel id="pane-inspector" className="pane" minSize={300}>
        {inspector}
      </Panel>
    </Group>
  );
}
