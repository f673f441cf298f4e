import { FolderLock, FolderOpen, Layers, Library } from 'lucide-react';
import { useMemo } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { formatLabels } from '../../../shared/model';
import { shortPath } from '../../lib/shortPath';
import { useAppStore } from '../../store/store';
import { countSources } from './sourceCounts';
import './sources.css';

/**
 * Where the sessions come from: each folder, format and project with how many sessions it holds.
 * Choosing one narrows the list to it, as a filter whose chip shows in the list; choosing it again,
 * or "All sessions", shows everything again.
 */
export function SourcesPane() {
  const roots = useAppStore((state) => state.roots);
  const sessions = useAppStore((state) => state.sessions);
  const filters = useAppStore((state) => state.listFilters);
  const toggle = useAppStore((state) => state.toggleSource);
  const setFilters = useAppStore((state) => state.setListFilters);
  const sources = useMemo(() => countSources(roots, sessions), [roots, sessions]);
  const narrowed = filters.root !== null || filters.format !== null || filters.project !== null;

  return (
    <nav className="sources" aria-label="Sources" onKeyDown={moveFocus}>
      <div className="pane-header">
        <h2>Sources</h2>
      </div>
      <div className="sources-body">
        <ul className="source-list" aria-label="All sessions">
          <li>
            <SourceButton
              pressed={!narrowed}
              icon={<Library size={14} aria-hidden="true" />}
              text="All sessions"
              count={sessions.length}
              onChoose={() => setFilters({ root: null, format: null, project: null })}
            />
          </li>
        </ul>
        <Section title="Folders">
          {sources.roots.map(({ root, count }) => {
            const format = root.format ? formatLabels[root.format] : 'No format';
            return (
              <li key={root.id}>
                <SourceButton
                  pressed={filters.root === root.id}
                  readOnly={root.readOnly}
                  title={root.path}
                  icon={
                    root.readOnly ? (
                      <FolderLock size={14} aria-hidden="true" className="source-readonly" />
                    ) : (
                      <FolderOpen size={14} aria-hidden="true" />
                    )
                  }
                  text={shortPath(root.path)}
                  badge={format}
                  count={count}
                  onChoose={() => toggle('root', root.id)}
                />
              </li>
            );
          })}
        </Section>
        <Section title="Formats">
          {sources.formats.map(({ format, count }) => (
            <li key={format}>
              <SourceButton
                pressed={filters.format === format}
                icon={<Layers size={14} aria-hidden="true" />}
                text={formatLabels[format]}
                count={count}
                onChoose={() => toggle('format', format)}
              />
            </li>
          ))}
        </Section>
        {sources.projects.length > 0 && (
          <Section title="Projects">
            {sources.projects.map((project) => (
              <li key={project.key}>
                <SourceButton
                  pressed={filters.project === project.key}
                  title={project.key || undefined}
                  text={project.label}
                  muted={project.key === ''}
                  count={project.count}
                  onChoose={() => toggle('project', project.key)}
                />
              </li>
            ))}
          </Section>
        )}
      </div>
    </nav>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="source-section">
      <h3>{title}</h3>
      <ul className="source-list" aria-label={title}>
        {children}
      </ul>
    </section>
  );
}

interface SourceButtonProps {
  pressed: boolean;
  text: string;
  count: number;
  onChoose(): void;
  icon?: ReactNode;
  badge?: string;
  title?: string;
  muted?: boolean;
  readOnly?: boolean;
}

/**
 * Its name is its visible words first, so speech input finds it by what it shows, then what the
 * numbers mean: "…/demo/orcs ORCS 6 sessions, read-only".
 */
function SourceButton(props: SourceButtonProps) {
  const name = [props.text, props.badge, props.count, props.count === 1 ? 'session' : 'sessions']
    .filter((part) => part !== undefined)
    .join(' ');
  return (
    <button
      type="button"
      className={`source${props.muted ? ' muted' : ''}`}
      aria-pressed={props.pressed}
      aria-label={props.readOnly ? `${name}, read-only` : name}
      title={props.title}
      onClick={props.onChoose}
    >
      {props.icon}
      {/* The spaces are for the text the name is checked against; flex layout shows none of them. */}
      <span className="source-name">{props.text}</span>{' '}
      {props.badge && <span className="source-badge">{props.badge}</span>}{' '}
      <span className="source-count">{props.count}</span>
    </button>
  );
}

/** Up and down arrows walk the sources, as they walk the rows of a list; Home and End jump. */
function moveFocus(event: KeyboardEvent<HTMLElement>) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.source')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? buttons.length - 1
        : Math.max(0, Math.min(buttons.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)));
  event.preventDefault();
  buttons[next]?.focus();
}
