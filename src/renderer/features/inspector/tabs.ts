import type { ReactNode } from 'react';
import type { SessionDetail } from '../../../shared/model';
import { orcsTabs } from './orcs';

/** A panel beside the conversation; each format offers its own. */
export interface InspectorTab {
  id: string;
  label: string;
  /** A small count beside the label, where the panel has items. */
  count?: (detail: SessionDetail) => number | null;
  render: (detail: SessionDetail) => ReactNode;
}

export function inspectorTabs(detail: SessionDetail): InspectorTab[] {
  switch (detail.panels.format) {
    case 'orcs':
      return orcsTabs;
  }
}
