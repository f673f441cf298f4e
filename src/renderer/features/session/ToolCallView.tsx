import { CheckCircle2, ChevronRight, XCircle } from 'lucide-react';
import type { ToolCall } from '../../../shared/model';
import { CodeBlock } from '../../components/CodeBlock';
import { JsonTree } from '../../components/JsonTree';
import { LongText } from '../../components/LongText';
import { formatDuration } from '../../lib/time';
import { termPattern } from '../find/termMarks';
import { toolText } from './toolText';

/** A string this short, on one line, reads better as it is than in a code block. */
const inlineChars = 120;

/** `marks`: terms of the find; a call holding one opens, so the match is in sight. */
export function ToolCallView({ call, marks }: { call: ToolCall; marks: readonly string[] }) {
  const failed = call.success === false;
  return (
    <details className={`tool-call${failed ? ' failed' : ''}`} open={holds(call, marks) || undefined}>
      <summary>
        <ChevronRight size={14} className="chevron" aria-hidden="true" />
        {failed ? (
          <XCircle size={14} className="status-icon danger" aria-label="failed" />
        ) : (
          <CheckCircle2 size={14} className="status-icon ok" aria-label="succeeded" />
        )}
        <code className="tool-name">{call.name}</code>
        {call.durationMs !== null && <span className="muted">{formatDuration(call.durationMs)}</span>}
      </summary>
      <div className="tool-body">
        <h4>Arguments</h4>
        <ToolValue
          value={call.arguments}
          args={call.arguments}
          label={`Arguments of ${call.name}`}
          marks={marks}
        />
        <h4>Result</h4>
        <ToolValue value={call.result} args={call.arguments} label={`Result of ${call.name}`} marks={marks} />
      </div>
    </details>
  );
}

interface ValueProps {
  value: unknown;
  args: unknown;
  label: string;
  marks: readonly string[];
}

/** Structured values as a tree; text as code, plain past the size markdown and highlighting can take. */
function ToolValue({ value, args, label, marks }: ValueProps) {
  if (typeof value !== 'string') return <JsonTree value={value} label={label} />;
  if (value.length <= inlineChars && !value.includes('\n')) {
    return (
      <pre className="json-scalar" aria-label={label}>
        {value}
      </pre>
    );
  }
  return (
    <div aria-label={label} role="group">
      <LongText text={value}>
        {(text) => {
          const shown = toolText(text, args);
          return <CodeBlock code={shown.text} language={shown.language} marks={marks} />;
        }}
      </LongText>
    </div>
  );
}

function holds(call: ToolCall, marks: readonly string[]): boolean {
  const pattern = termPattern(marks);
  if (!pattern) return false;
  const texts = [call.name, textOf(call.arguments), textOf(call.result)];
  return texts.some((text) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  });
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}
