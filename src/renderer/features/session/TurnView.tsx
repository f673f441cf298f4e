import { Bot, Cog, GitBranch, Info, User } from 'lucide-react';
import type { Turn } from '../../../shared/model';
import { JsonTree } from '../../components/JsonTree';
import { LongText } from '../../components/LongText';
import { absoluteTime } from '../../lib/time';
import { useAppStore } from '../../store/store';
import { noticeText } from './notice';
import { ToolCallView } from './ToolCallView';
import { splitCalls } from './toolCalls';
import { ToolChips } from './ToolChips';

const roleIcons = { user: User, assistant: Bot } as const;

export function TurnView({ turn, focused = false }: { turn: Turn; focused?: boolean }) {
  if (turn.notice) return <NoticeView turn={turn} />;
  const Icon = roleIcons[turn.role as keyof typeof roleIcons] ?? Cog;
  const roleClass = turn.role in roleIcons ? turn.role : 'other';
  const metadataKeys = Object.keys(turn.metadata);
  const { bare, detailed } = splitCalls(turn.toolCalls);
  return (
    <article
      className={`turn role-${roleClass}${focused ? ' focused' : ''}`}
      aria-label={`Turn ${turn.index + 1}, ${turn.role}`}
      aria-current={focused ? 'location' : undefined}
    >
      <header className="turn-header">
        <Icon size={15} aria-hidden="true" />
        <span className="role">{turn.role}</span>
        {/* ZeroClaw keeps no time per message; "unknown" on every turn would only be noise. */}
        {turn.time && <time dateTime={turn.time}>{absoluteTime(turn.time)}</time>}
        {turn.tags.map((tag) => (
          <span className="chip" key={tag}>
            {tag}
          </span>
        ))}
        <span className="turn-number">#{turn.index + 1}</span>
        <ForkButton turn={turn} />
      </header>
      {bare.length > 0 && <ToolChips calls={bare} />}
      <LongText text={turn.text} />
      {detailed.length > 0 && (
        <div className="tool-calls" aria-label="Tool calls">
          {detailed.map((call, index) => (
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

/**
 * yoi turns carry the hash of their entry (formats.md §3), so a session that can fork branches there. A
 * turn that also shows later entries (tool results) names the last as `endHash`; the fork cuts
 * there, so it holds the whole turn as shown.
 */
function ForkButton({ turn }: { turn: Turn }) {
  const summary = useAppStore((state) =>
    state.detail?.summary.capabilities.fork ? state.detail.summary : null,
  );
  const askFork = useAppStore((state) => state.askFork);
  const { endHash, endLine } = turn.metadata;
  const hash = typeof endHash === 'string' ? endHash : turn.metadata.hash;
  const line = typeof endHash === 'string' ? endLine : turn.metadata.line;
  if (!summary || typeof hash !== 'string') return null;
  const at = typeof line === 'number' ? line : null;
  return (
    <button
      type="button"
      className="icon turn-fork"
      aria-label="Fork from here"
      title={at === null ? 'Fork from here' : `Fork from here (line ${at})`}
      onClick={() => askFork(summary, hash, at)}
    >
      <GitBranch size={13} aria-hidden="true" />
    </button>
  );
}

/**
 * A line the agent's runtime wrote about the session (interrupted, failed, timed out). It is not
 * a message anyone wrote, so it reads as a quiet banner across the timeline, in plain text.
 */
function NoticeView({ turn }: { turn: Turn }) {
  return (
    <div className="turn-notice" role="note" aria-label={`Notice, turn ${turn.index + 1}`}>
      <span className="turn-notice-body">
        <Info size={13} aria-hidden="true" />
        <span className="turn-notice-text">{noticeText(turn.text)}</span>
        {turn.time && (
          <time dateTime={turn.time} className="turn-notice-time">
            {absoluteTime(turn.time)}
          </time>
        )}
        <ForkButton turn={turn} />
      </span>
    </div>
  );
}
