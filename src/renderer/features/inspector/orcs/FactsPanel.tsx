import { ArrowDown, ArrowUp, ChevronsUpDown, Lightbulb, Search, SearchX, X } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { OrcsLearnedFact } from '../../../../shared/panels/orcs';
import { absoluteTime, relativeTime } from '../../../lib/time';
import { Bar } from '../Bar';
import { EmptyState } from '../EmptyState';
import { confidenceLevel, filterFacts, formatConfidence, nextSort, sortFacts } from './facts';
import type { FactColumn, FactSort } from './facts';

const columns: { id: FactColumn; label: string; numeric?: boolean }[] = [
  { id: 'key', label: 'Key' },
  { id: 'value', label: 'Value' },
  { id: 'source', label: 'Source' },
  { id: 'confidence', label: 'Confidence', numeric: true },
  { id: 'learnedAt', label: 'Learned' },
];

const levelTone = { high: 'ok', medium: 'accent', low: 'warn' } as const;

/** What ORCS learned about the project, with how sure it is; file order until a column is chosen. */
export function FactsPanel({ facts }: { facts: OrcsLearnedFact[] }) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<FactSort | null>(null);
  const shown = useMemo(() => sortFacts(filterFacts(facts, query), sort), [facts, query, sort]);

  if (facts.length === 0) {
    return (
      <section className="inspector" aria-label="Learned facts">
        <EmptyState icon={Lightbulb} title="No learned facts">
          As ORCS works it notes facts about the project — the database, the test runner, the house style —
          each with where it learned it and how sure it is. This session has none yet.
        </EmptyState>
      </section>
    );
  }

  return (
    <section className="inspector" aria-label="Learned facts">
      <div className="insp-stack">
        <div className="insp-toolbar">
          <label className="insp-filter">
            <Search size={14} aria-hidden="true" />
            <input
              type="search"
              aria-label="Filter facts"
              placeholder="Filter by key, value or source"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') setQuery('');
              }}
            />
          </label>
          <span className="insp-toolbar-note" role="status">
            {shown.length === facts.length
              ? `${facts.length} ${facts.length === 1 ? 'fact' : 'facts'}`
              : `${shown.length} of ${facts.length} facts`}
          </span>
        </div>
        <div className="insp-card insp-table-wrap">
          <table className="insp-table insp-facts" aria-label="Facts">
            <thead>
              <tr>
                {columns.map((column) => {
                  const active = sort?.column === column.id;
                  const SortIcon = !active
                    ? ChevronsUpDown
                    : sort.direction === 'ascending'
                      ? ArrowUp
                      : ArrowDown;
                  return (
                    <th
                      key={column.id}
                      scope="col"
                      className={`sortable col-${column.id}${column.numeric ? ' num' : ''}`}
                      aria-sort={active ? sort.direction : 'none'}
                    >
                      <button
                        type="button"
                        className={active ? 'active' : undefined}
                        onClick={() => setSort(nextSort(sort, column.id))}
                      >
                        {column.label}
                        <SortIcon size={13} aria-hidden="true" />
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {shown.map((fact, index) => (
                <FactRow key={`${fact.key}:${index}`} fact={fact} />
              ))}
            </tbody>
          </table>
          {shown.length === 0 && (
            <EmptyState icon={SearchX} title={`No facts match “${query.trim()}”`} compact>
              <button type="button" className="insp-link-button" onClick={() => setQuery('')}>
                <X size={13} aria-hidden="true" /> Clear filter
              </button>
            </EmptyState>
          )}
        </div>
      </div>
    </section>
  );
}

function FactRow({ fact }: { fact: OrcsLearnedFact }) {
  const level = confidenceLevel(fact.confidence);
  return (
    <tr>
      <th scope="row" className="col-key">
        <code>{fact.key}</code>
      </th>
      <td className="col-value">{fact.value}</td>
      <td className="col-source">
        <span className="insp-source">{fact.source}</span>
      </td>
      <td className="col-confidence num">
        <span className="insp-confidence" title={`${level} confidence`}>
          <Bar fraction={fact.confidence} tone={levelTone[level]} />
          <span className="insp-confidence-number">{formatConfidence(fact.confidence)}</span>
        </span>
      </td>
      <td className="col-learnedAt">
        {fact.learnedAt ? (
          <time dateTime={fact.learnedAt} title={relativeTime(fact.learnedAt)}>
            {absoluteTime(fact.learnedAt)}
          </time>
        ) : (
          <span className="insp-not-set">unknown</span>
        )}
      </td>
    </tr>
  );
}
