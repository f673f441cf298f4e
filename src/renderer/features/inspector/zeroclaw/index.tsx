import '../inspector.css';
import './zeroclaw.css';
import type { ZeroclawPanels } from '../../../../shared/panels/zeroclaw';
import type { InspectorTab } from '../tabs';
import { SessionPanel } from './SessionPanel';

export const zeroclawTabs: InspectorTab<ZeroclawPanels>[] = [
  { id: 'session', label: 'Session', render: (detail) => <SessionPanel detail={detail} /> },
];
