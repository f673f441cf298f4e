import '../../charts/charts.css';
import './timeline.css';
import type { InspectorTab } from '../tabs';
import { TimelinePanel } from './TimelinePanel';

/** Offered for every format: each records turns, and most their times and tool calls. */
export const timelineTab: InspectorTab = {
  id: 'timeline',
  label: 'Timeline',
  render: (detail) => <TimelinePanel detail={detail} />,
};
