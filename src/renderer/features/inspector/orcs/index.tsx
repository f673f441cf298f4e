import '../inspector.css';
import type { OrcsPanels } from '../../../../shared/panels/orcs';
import type { InspectorTab } from '../tabs';
import { ToolsPanel } from '../tools/ToolsPanel';
import { ComponentsPanel } from './ComponentsPanel';
import { FactsPanel } from './FactsPanel';
import { PreferencesPanel } from './PreferencesPanel';
import { ProjectPanel } from './ProjectPanel';
import { SessionFacts } from './SessionFacts';
import { SkillsPanel } from './SkillsPanel';

/** A count only where it says something; an empty tab shows no "0" pill. */
const countOf = (count: number): number | null => (count > 0 ? count : null);

/**
 * The Tools tab has no count: it is computed from the turns, which the store pages in apart from
 * the detail this hook is given.
 */
export const orcsTabs: InspectorTab<OrcsPanels>[] = [
  { id: 'tools', label: 'Tools', render: () => <ToolsPanel /> },
  {
    id: 'facts',
    label: 'Facts',
    count: (detail) => countOf(detail.panels.projectContext.learnedFacts.length),
    render: (detail) => <FactsPanel facts={detail.panels.projectContext.learnedFacts} />,
  },
  {
    id: 'preferences',
    label: 'Preferences',
    render: (detail) => <PreferencesPanel preferences={detail.panels.preferences} />,
  },
  {
    id: 'project',
    label: 'Project',
    render: (detail) => <ProjectPanel project={detail.panels.projectContext} />,
  },
  {
    id: 'skills',
    label: 'Skills',
    count: (detail) => countOf(detail.panels.skillConfigs.length),
    render: (detail) => <SkillsPanel skills={detail.panels.skillConfigs} />,
  },
  {
    id: 'components',
    label: 'Components',
    count: (detail) =>
      countOf(detail.panels.componentSnapshots.length + detail.panels.grantedCommands.length),
    render: (detail) => (
      <ComponentsPanel snapshots={detail.panels.componentSnapshots} grants={detail.panels.grantedCommands} />
    ),
  },
  { id: 'session', label: 'Session', render: (detail) => <SessionFacts detail={detail} /> },
];
