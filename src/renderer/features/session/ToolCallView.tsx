import { CheckCircle2, ChevronRight, XCircle } from 'lucide-react';
import type { ToolCall } from '../../../shared/model';
import { JsonTree } from '../../components/JsonTree';
import { formatDuration } from '../../lib/time';

export function ToolCallView({ call }: { call: ToolCall }) {
  const failed = call.success === false;
  return (
    <details className={`tool-call${failed ? ' failed' : ''}`}>
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
        <JsonTree value={call.arguments} label={`Arguments of ${call.name}`} />
        <h4>Result</h4>
        <JsonTree value={call.result} label={`Result of ${call.name}`} />
      </div>
    </details>
  );
}
