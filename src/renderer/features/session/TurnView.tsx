import { Bot, Cog, GitBranch, Info, MessageSquare, User, Wrench } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { Turn } from '../../../shared/model';
import { CopyButton } from '../../components/CopyButton';
import { JsonTree } from '../../components/JsonTree';
import { LongText } from '../../components/LongText';
import { Markdown } from '../../components/Markdown';
import { absoluteTime } from '../../lib/time';
import { useAppStore } from '../../store/store';
import { Highlighted } from '../search/Highlighted';
import { termMarks } from '../find/termMarks';
import { noticeText } from './notice';
import { ToolCallView } from './ToolCallView';
import { splitCalls } from './toolCalls';
import { ToolChips } from './ToolChips';
import './conversation.css';

const roleIcons = { user: User, assistant: Bot, system: Cog, tool: Wrench } as const;

interface Props {
  turn: Turn;
  /** Marked as where the reader was taken: a search hit, a fork point, Go to turn, a find step. */
  focused?: boolean;
  /** Changes each time the turn is to take the keyboard focus (Go to turn); 0 never. */
  focusSeq?: number;
  /** Terms of the find to highlight. */
  marks?: readonly string[];
}

const noMarks: readonly string[] = [];

export function TurnView({ turn, focused = false, focusSeq = 0, marks = noMarks }: Props) {
  const article = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusSeq > 0) article.current?.focus({ preventScroll: true });
  }, [focusSeq]);
  if (turn.notice) return <NoticeView turn={turn} focused={focused} marks={marks} />;
  const known = Object.hasOwn(roleIcons, turn.role);
  const Icon = known ? roleIcons[turn.role as keyof typeof roleIcons] : MessageSquare;
  const roleClass = known ? turn.role : 'other';
  const metadataKeys = Object.keys(turn.metadata);
  const { bare, detailed } = splitCalls(turn.toolCalls);
  return (
    <article
      ref={article}
      className={`turn role-${roleClass}${focused ? ' focused' : ''}`}
      aria-label={`Turn ${turn.index + 1}, ${turn.role}`}
      aria-current={focused ? 'location' : undefined}
      tabIndex={focused ? -1 : undefined}
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
        {turn.text !== '' && <CopyButton text={turn.text} label="Copy message" />}
        <ForkButton turn={turn} />
      </header>
      {bare.length > 0 && <ToolChips calls={bare} />}
      <LongText text={turn.text}>{(text) => <Markdown text={text} marks={marks} />}</LongText>
      {detailed.length > 0 && (
        <div className="tool-calls" aria-label="Tool calls">
          {detailed.map((call, index) => (
            <ToolCallView key={index} call={call} marks={marks} />
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
function NoticeView({ turn, focused, marks }: { turn: Turn; focused: boolean; marks: readonly string[] }) {
  const text = noticeText(turn.text);
  return (
    <div
      className={`turn-notice${focused ? ' focused' : ''}`}
      role="note"
      aria-label={`Notice, turn ${turn.index + 1}`}
      aria-current={focused ? 'location' : undefined}
    >
      <span className="turn-notice-body">
        <Info size={13} aria-hidden="true" />
        <span className="turn-notice-text">
          <Highlighted snippet={{ text, marks: termMarks(text, marks) }} />
        </span>
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
