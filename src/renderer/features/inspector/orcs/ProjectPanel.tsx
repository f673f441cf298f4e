import { FileCode, FolderGit2, NotebookPen, Pin } from 'lucide-react';
import type { OrcsProjectContext } from '../../../../shared/panels/orcs';
import { LongText } from '../../../components/LongText';
import { Chips } from '../Chips';
import { EmptyState } from '../EmptyState';
import { Section } from '../Section';

/** The project ORCS was working in, and the context it injects into every prompt. */
export function ProjectPanel({ project }: { project: OrcsProjectContext }) {
  return (
    <section className="inspector" aria-label="Project">
      <div className="insp-card insp-head">
        <span className="insp-head-icon" aria-hidden="true">
          <FolderGit2 size={18} strokeWidth={1.75} />
        </span>
        <div className="insp-head-main">
          <p className="insp-head-title">
            {project.name ?? <span className="insp-not-set">Unnamed project</span>}
          </p>
          {project.rootPath ? (
            <code className="insp-path" title={project.rootPath}>
              {project.rootPath}
            </code>
          ) : (
            <span className="insp-not-set">root path not set</span>
          )}
        </div>
      </div>

      <Section title="Technologies" count={project.technologies.length}>
        {project.technologies.length > 0 ? (
          <Chips items={project.technologies} label="Technologies" />
        ) : (
          <EmptyState icon={FolderGit2} title="No technologies recorded" compact />
        )}
      </Section>

      <div className="insp-columns">
        <Section title="Key files" count={project.keyFiles.length}>
          {project.keyFiles.length > 0 ? (
            <ul className="insp-card insp-list insp-files" aria-label="Key files">
              {project.keyFiles.map((file, index) => (
                <li key={`${index}:${file}`}>
                  <FileCode size={14} aria-hidden="true" />
                  <code>{file}</code>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState icon={FileCode} title="No key files recorded" compact />
          )}
        </Section>
        <Section title="Architecture notes" count={project.architectureNotes.length}>
          {project.architectureNotes.length > 0 ? (
            <ul className="insp-card insp-list insp-notes" aria-label="Architecture notes">
              {project.architectureNotes.map((note, index) => (
                <li key={`${index}:${note}`}>{note}</li>
              ))}
            </ul>
          ) : (
            <EmptyState icon={NotebookPen} title="No architecture notes" compact />
          )}
        </Section>
      </div>

      <Section title="Persistent contexts" count={project.persistentContexts.length}>
        {project.persistentContexts.length > 0 ? (
          <div className="insp-stack">
            {project.persistentContexts.map((context, index) => (
              <article
                className="insp-card insp-context"
                key={`${index}:${context.id}`}
                aria-label={`Context ${context.id}`}
              >
                <header className="insp-card-header">
                  <Pin size={14} aria-hidden="true" />
                  <code className="insp-context-id">{context.id}</code>
                  <span className="badge insp-timing" title="When ORCS injects this context">
                    {timingWords(context.timing)}
                  </span>
                </header>
                <div className="insp-context-body">
                  <LongText text={context.content} />
                </div>
              </article>
            ))}
          </div>
        ) : (
          <EmptyState icon={Pin} title="No persistent contexts" compact>
            Text ORCS adds to prompts on its own (always, or on request) would appear here.
          </EmptyState>
        )}
      </Section>
    </section>
  );
}

/** "on_request" → "on request": timings are snake_case identifiers, shown as words. */
function timingWords(timing: string): string {
  return timing.replace(/_/g, ' ');
}
