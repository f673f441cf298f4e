import { useState } from 'react';
import type { SessionDetail } from '../../../shared/model';
import type { InspectorTab } from '../inspector/tabs';

/** The format's panels (facts, skills, chain, …) as tabs, in their own pane beside the conversation. */
export function InspectorPane({ detail, tabs }: { detail: SessionDetail; tabs: InspectorTab[] }) {
  const [tabId, setTabId] = useState<string | null>(null);
  // A session of another format has other tabs: the one chosen may not exist there.
  const current = tabs.find((tab) => tab.id === tabId) ?? tabs[0];
  if (!current) return null;
  return (
    <section className="inspector-pane" aria-label="Inspector">
      <div className="tabs" role="tablist" aria-label="Session views">
        {tabs.map((tab) => {
          const count = tab.count?.(detail) ?? null;
          return (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`tab-${tab.id}`}
              aria-selected={current.id === tab.id}
              aria-controls="session-tabpanel"
              onClick={() => setTabId(tab.id)}
            >
              {tab.label}
              {count !== null && <span className="tab-count">{count}</span>}
            </button>
          );
        })}
      </div>
      <div className="tabpanel" role="tabpanel" id="session-tabpanel" aria-labelledby={`tab-${current.id}`}>
        {current.render(detail)}
      </div>
    </section>
  );
}
