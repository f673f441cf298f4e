import '../inspector.css';
import type { YoiPanels } from '../../../../shared/panels/yoi';
import type { InspectorTab } from '../tabs';
import { ExtensionsPanel } from './ExtensionsPanel';
import { LineagePanel } from './LineagePanel';
import { SessionPanel } from './SessionPanel';
import { TracePanel } from './TracePanel';
import { UsagePanel } from './UsagePanel';

export const yoiTabs: InspectorTab<YoiPanels>[] = [
  { id: 'session', label: 'Session', render: (detail) => <SessionPanel detail={detail} /> },
  {
    id: 'usage',
    label: 'Usage',
    count: (detail) => detail.panels.usage.total || null,
    render: (detail) => <UsagePanel detail={detail} />,
  },
  {
    id: 'extensions',
    label: 'Extensions',
    count: (detail) => detail.panels.extensions.total || null,
    render: (detail) => <ExtensionsPanel detail={detail} />,
  },
  {
    id: 'trace',
    label: 'Trace',
    count: (detail) => detail.panels.trace?.lines ?? null,
    render: (detail) => <TracePanel detail={detail} />,
  },
  { id: 'lineage', label: 'Lineage', render: (detail) => <LineagePanel detail={detail} /> },
];
