import { Hourglass } from 'lucide-react';
import { useState } from 'react';
import { useAppStore } from '../../store/store';
import { maxStuckMinutes, parseMinutes } from './threshold';

/** Running and Stuck toggles, and the threshold that makes a running turn stuck. */
export function FilterBar({ running, stuck }: { running: number; stuck: number }) {
  const filter = useAppStore((state) => state.listFilters.state);
  const toggle = useAppStore((state) => state.toggleRunFilter);
  const minutes = useAppStore((state) => state.stuckMinutes);
  const setMinutes = useAppStore((state) => state.setStuckMinutes);
  // The field keeps what is typed, even half-typed; the store takes it once it is a valid number.
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(minutes);
  const invalid = parseMinutes(text) === null;

  return (
    <div className="filter-bar" role="group" aria-label="Filter sessions">
      <button
        type="button"
        className="filter-toggle"
        aria-pressed={filter === 'running'}
        onClick={() => toggle('running')}
      >
        <span className="pulse" aria-hidden="true" /> Running <span className="filter-count">{running}</span>
      </button>
      <button
        type="button"
        className="filter-toggle stuck"
        aria-pressed={filter === 'stuck'}
        onClick={() => toggle('stuck')}
      >
        <Hourglass size={12} aria-hidden="true" /> Stuck <span className="filter-count">{stuck}</span>
      </button>
      <span className="threshold" title="A turn running longer than this counts as stuck">
        <span aria-hidden="true">Stuck after</span>
        <input
          type="number"
          min={1}
          max={maxStuckMinutes}
          step={1}
          aria-label="Stuck after, in minutes"
          aria-invalid={invalid}
          value={text}
          onChange={(event) => {
            setDraft(event.target.value);
            const parsed = parseMinutes(event.target.value);
            if (parsed !== null) setMinutes(parsed);
          }}
          onBlur={() => setDraft(null)}
        />
        <span aria-hidden="true">minutes of running</span>
      </span>
    </div>
  );
}
