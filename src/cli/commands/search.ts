import type { SearchGroup, SearchHit, SearchResponse } from '../../shared/search';
import { formatLabels } from '../../shared/model';
import type { Command } from '../command';
import { jsonLine } from '../command';
import { summaryJson } from '../json';
import { cleanLine } from '../sanitize';

/** Matches are bracketed, not coloured: the output is as readable piped into a file as on a terminal. */
function marked(hit: SearchHit): string {
  const { text, marks } = hit.snippet;
  let out = '';
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at || end <= start) continue;
    out += `${cleanLine(text.slice(at, start))}[${cleanLine(text.slice(start, end))}]`;
    at = end;
  }
  return out + cleanLine(text.slice(at));
}

function where(hit: SearchHit): string {
  const what = hit.tool ? `tool ${cleanLine(hit.tool)}` : (hit.role ?? hit.kind);
  return hit.turn === null ? cleanLine(what) : `turn ${hit.turn + 1}, ${cleanLine(what)}`;
}

function formatGroup(group: SearchGroup): string {
  const { session } = group;
  const head = `${cleanLine(session.title)}  (${formatLabels[session.format]} ${cleanLine(session.ref.id)}, ${group.hitCount} ${group.hitCount === 1 ? 'hit' : 'hits'})`;
  return [head, ...group.hits.map((hit) => `  ${where(hit)}: ${marked(hit)}`)].join('\n');
}

function formatResponse(response: SearchResponse): string {
  const notes = response.capped ? [`(the query was cut to: ${cleanLine(response.query)})`] : [];
  if (response.groups.length === 0) return `${[...notes, 'no sessions match'].join('\n')}\n`;
  return `${[...notes, ...response.groups.map(formatGroup)].join('\n\n')}\n`;
}

export const searchCommand: Command = {
  name: 'search',
  operands: [{ name: 'query' }],
  summary: 'full-text search: words, "a phrase", prefix*, -exclusion; sessions with their matching turns',
  async run(context, [query = '']) {
    const response = await context.call('search.query', { query, filters: {}, limit: 50 });
    if (context.json) {
      await context.print(
        jsonLine({
          query: response.query,
          capped: response.capped,
          toolResultCap: response.toolResultCap,
          sessions: response.groups.map((group) => ({
            session: summaryJson(group.session),
            hitCount: group.hitCount,
            hits: group.hits,
          })),
        }),
      );
      return;
    }
    await context.print(formatResponse(response));
  },
};
