import { Wrench } from 'lucide-react';
import type { ToolCall } from '../../../shared/model';

/** Tools the turn used, known by name only; chips, since there is nothing in them to unfold. */
export function ToolChips({ calls }: { calls: ToolCall[] }) {
  return (
    <div className="tool-chips">
      <span className="tool-chips-label" aria-hidden="true">
        Used tools
      </span>
      <ul aria-label="Tools used">
        {calls.map((call, index) => (
          <li className="tool-chip" key={index}>
            <Wrench size={11} aria-hidden="true" />
            <code>{call.name}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
