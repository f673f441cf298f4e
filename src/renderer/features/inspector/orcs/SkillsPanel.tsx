import { CircleHelp, FilePen, MessageSquareReply, Radio, Send, Sparkles, Timer } from 'lucide-react';
import type { LucideIcon } from 'lucide-react';
import type { OrcsSkillConfig, OrcsTrigger } from '../../../../shared/panels/orcs';
import { JsonTree } from '../../../components/JsonTree';
import { EmptyState } from '../EmptyState';
import { triggerWords } from './triggers';

const triggerIcons: Record<OrcsTrigger['kind'], LucideIcon> = {
  OnFileEdit: FilePen,
  OnLLMPreRequest: Send,
  OnLLMPostResponse: MessageSquareReply,
  OnEvent: Radio,
  Interval: Timer,
  unknown: CircleHelp,
};

export function SkillsPanel({ skills }: { skills: OrcsSkillConfig[] }) {
  if (skills.length === 0) {
    return (
      <section className="inspector" aria-label="Skills">
        <EmptyState icon={Sparkles} title="No skills configured">
          Skills ORCS may run for this session, and the conditions that start them on their own, would appear
          here.
        </EmptyState>
      </section>
    );
  }
  // HashMap order is random on disk; the skills that can run come first, then by key.
  const sorted = [...skills].sort(
    (a, b) => Number(b.enabled) - Number(a.enabled) || a.key.localeCompare(b.key),
  );
  return (
    <section className="inspector" aria-label="Skills">
      <div className="insp-stack">
        {sorted.map((skill) => (
          <SkillCard key={skill.key} skill={skill} />
        ))}
      </div>
    </section>
  );
}

function SkillCard({ skill }: { skill: OrcsSkillConfig }) {
  const { autoTrigger } = skill;
  const paramKeys = Object.keys(skill.params);
  return (
    <article
      className={`insp-card insp-skill${skill.enabled ? '' : ' disabled'}`}
      aria-label={`Skill ${skill.key}`}
    >
      <header className="insp-card-header">
        <Sparkles size={15} aria-hidden="true" className="insp-skill-icon" />
        <h4 className="insp-skill-name">{skill.key}</h4>
        {skill.skillId !== skill.key && (
          <span className="insp-dim">
            skill <code>{skill.skillId}</code>
          </span>
        )}
        <span className={`badge ${skill.enabled ? 'insp-ok' : 'insp-off'}`}>
          {skill.enabled ? 'Enabled' : 'Disabled'}
        </span>
      </header>
      <div className="insp-skill-body">
        <div className="insp-skill-block">
          <h5>
            Auto-trigger
            <span className={`insp-flag${autoTrigger.enabled ? ' on' : ''}`}>
              {autoTrigger.enabled ? 'On' : 'Off'}
            </span>
          </h5>
          {autoTrigger.triggers.length > 0 ? (
            <ul
              className={`insp-triggers${autoTrigger.enabled ? '' : ' inactive'}`}
              aria-label={`Triggers of ${skill.key}`}
            >
              {autoTrigger.triggers.map((trigger, index) => (
                <TriggerItem key={index} trigger={trigger} />
              ))}
            </ul>
          ) : (
            <p className="insp-dim">No trigger conditions; it runs only when asked.</p>
          )}
          {!autoTrigger.enabled && autoTrigger.triggers.length > 0 && (
            <p className="insp-dim small">
              Auto-trigger is off: these conditions are kept but start nothing.
            </p>
          )}
        </div>
        <div className="insp-skill-block">
          <h5>Parameters</h5>
          {paramKeys.length > 0 ? (
            <JsonTree value={skill.params} label={`Parameters of ${skill.key}`} />
          ) : (
            <p className="insp-dim">No parameters.</p>
          )}
        </div>
      </div>
    </article>
  );
}

function TriggerItem({ trigger }: { trigger: OrcsTrigger }) {
  const Icon = triggerIcons[trigger.kind];
  const { lead, code, tail } = triggerWords(trigger);
  return (
    <li className={trigger.kind === 'unknown' ? 'unknown' : undefined}>
      <Icon size={14} aria-hidden="true" />
      <div>
        <span>
          {lead}
          {code !== null && <code>{code}</code>}
          {tail}
        </span>
        {trigger.kind === 'unknown' && <JsonTree value={trigger.raw} label="Unknown trigger as written" />}
      </div>
    </li>
  );
}
