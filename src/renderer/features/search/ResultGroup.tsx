import { formatLabels } from '../../../shared/model';
import type { SearchGroup } from '../../../shared/search';
import { absoluteTime, relativeTime } from '../../lib/time';
import { counted } from '../../lib/words';
import { useAppStore } from '../../store/store';
import { Highlighted } from './Highlighted';
import { hitLabel, hitTone } from './hitLabel';

/** The best hits a group shows; the rest are one click away in the session. */
const shownHits = 3;

/** One session's hits: its title, format, time and hit count, then its best few hits. */
export function ResultGroup({ group }: { group: SearchGroup }) {
  const openSession = useAppStore((state) => state.openSession);
  const { session, hits, hitCount } = group;

  return (
    <li className="result-group">
      <div className="result-session">
        <span className={`result-title${session.untitled ? ' untitled' : ''}`}>{session.title}</span>
        <span className="result-meta">
          <span className="badge">{formatLabels[session.format]}</span>
          <time dateTime={session.updatedAt ?? undefined} title={absoluteTime(session.updatedAt)}>
            {relativeTime(session.updatedAt)}
          </time>
          <span className="result-count">{counted(hitCount, 'hit')}</span>
        </span>
      </div>
      <ul className="result-hits" aria-label={`Hits in ${session.title}`}>
        {hits.slice(0, shownHits).map((hit, index) => {
          return (
            <li key={index}>
              <button type="button" className="hit" onClick={() => void openSession(session.ref, hit.turn)}>
                <span className="hit-head">
                  <span className={`hit-kind ${hitTone(hit)}`}>{hitLabel(hit)}</span>
                  {hit.turn !== null && <span className="hit-turn">#{hit.turn + 1}</span>}
                </span>
                <span className="snippet">
                  <Highlighted snippet={hit.snippet} />
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </li>
  );
}
