import { useEffect, useState } from 'react';
import type { LibraryStats } from '../../../shared/stats';
import { client } from '../../api';
import { coalesce } from '../../lib/coalesce';
import type { Loadable } from '../../store/loadable';
import { failed, loading, ready } from '../../store/loadable';
import { messageOf } from '../../store/messages';

/**
 * The library's figures for a range, asked for again whenever sessions change (the indexer's
 * progress among them), so the charts fill in as a first index runs. What is shown stays until
 * the new answer is there: a refresh never blanks a chart.
 */
export function useLibraryStats(days: number | null): Loadable<LibraryStats> {
  const [stats, setStats] = useState<{ days: number | null; value: Loadable<LibraryStats> } | null>(null);

  useEffect(() => {
    let live = true;
    const load = coalesce(async () => {
      try {
        const value = await client.call('stats.library', days === null ? {} : { days });
        if (live) setStats({ days, value: ready(value) });
      } catch (error) {
        if (live) setStats({ days, value: failed(messageOf(error)) });
      }
    });
    void load();
    const stops = [
      client.on('library.changed', () => void load()),
      // The last change of a run can come before the run ends: its end clears "still indexing".
      client.on('index.progress', (status) => {
        if (status.phase === 'idle') void load();
      }),
    ];
    return () => {
      live = false;
      for (const stop of stops) stop();
    };
  }, [days]);

  // Another range's figures are never shown while this one's load.
  return stats && stats.days === days ? stats.value : loading;
}
