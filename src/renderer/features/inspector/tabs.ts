import type { ReactNode } from 'react';
import type { FormatPanels, SessionDetail } from '../../../shared/model';
import { orcsTabs } from './orcs';
import { timelineTab } from './timeline';
import { yoiTabs } from './yoi';
import { zeroclawTabs } from './zeroclaw';

/** A session detail whose panels are known to be one format's. */
export type DetailOf<P extends FormatPanels> = SessionDetail & { panels: P };

/** A panel beside the conversation; each format offers its own. */
export interface InspectorTab<P extends FormatPanels = FormatPanels> {
  id: string;
  label: string;
  /** A small count beside the label, where the panel has items. */
  count?: (detail: DetailOf<P>) => number | null;
  render: (detail: DetailOf<P>) => ReactNode;
}

/**
 * A format's tabs read its own panels; the switch on `panels.format` is what guarantees that a
 * detail only ever reaches the tabs of its format, which TypeScript cannot see through the array.
 */
function forFormat<P extends FormatPanels>(tabs: InspectorTab<P>[]): InspectorTab[] {
  return tabs as unknown as InspectorTab[];
}

/** The format's own tabs, then those every format has. */
export function inspectorTabs(detail: SessionDetail): InspectorTab[] {
  return [...formatTabs(detail), timelineTab];
}

function formatTabs(detail: SessionDetail): InspectorTab[] {
  switch (detail.panels.format) {
    case 'orcs':
      return forFormat(orcsTabs);
    case 'zeroclaw':
      return forFormat(zeroclawTabs);
    case 'yoi':
      return forFormat(yoiTabs);
    default:
      return [];
  }
}
