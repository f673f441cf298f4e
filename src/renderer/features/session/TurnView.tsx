import { Bot, Cog, User } from 'lucide-react';
import type { Turn } from '../../../shared/model';
import { JsonTree } from '../../components/JsonTree';
import { LongText } from '../../components/LongText';
import { absoluteTime } from '../../lib/time';
import { ToolCallView } from './ToolCallView';

const roleIcons = { user: User, assistant: Bot } as const;

export function TurnView({ turn }: { turn: Turn }) {
  const Icon = roleIcons[turn.role as keyof typeof roleIcons] ?? Cog;
  const roleClass = turn.role in roleIcons ? turn.role : 'other';
  const metadataKeys = Object.keys(turn.metadata);
  return (
    <article className={`turn role-${roleClass}`} aria-label={`Turn ${turn.index + 1}, ${turn.role}`}>
      <header className="turn-header">
        <Icon size={15} aria-hidden="true" />
        <span className="role">{turn.role}</span>
        <time dateTime={turn.time ?? undefined}>{absoluteTime(turn.time)}</time>
        {turn.tags.map((tag) => (
          <span className="chip" key={tag}>
            {tag}
          </span>
        ))}
        <span className="turn-number">#{turn.index + 1}</span>
      </header>
      <LongText text={turn.text} />
      {turn.toolCalls.length > 0 && (
        <div className="tool-calls" aria-label="Tool calls">
          {turn.toolCalls.map((call, index) => (
            <ToolCallView key={index} call={call} />
          ))}
        </div>
      )}
      {metadataKeys.length > 0 && (
        <details className="turn-metadata">
          <summary>Metadata ({metadataKeys.join(', ')})</summary>
          <JsonTree value={turn.metadata} label={`Metadata of turn ${turn.index + 1}`} />
        </details>
      )}
    </article>
  );
}
