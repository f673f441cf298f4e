/**
 * The debug trace beside a log (`{id}.trace.jsonl`, formats.md §3.8): `TraceEntry { ts, turn,
 * event }` per line, `event` an externally tagged `llm_worker` Event (`{"BlockDelta":{…}}`). Read as a stream into
 * counts per variant and a capped list of the newest events; its turns are the worker's own
 * counter, so the events are kept as their own timeline rather than pinned to conversation turns.
 */
import { open } from 'node:fs/promises';
import type { YoiTraceEvent, YoiTraceSummary } from '../../../shared/panels/yoi';
import { factsOf, scanLines } from '../../jsonl';
import { isBlank } from './log';
import { isoOf } from './timeline';
import { Capped } from './capped';

export const TRACE_EVENTS_CAP = 1000;
const GIST_CHARS = 120;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const cut = (s: string): string => (s.length > GIST_CHARS ? `${s.slice(0, GIST_CHARS)}…` : s);

/** A one-line gist of an event's payload, per variant. */
function gist(type: string, body: unknown): string {
  if (!isObj(body)) return cut(JSON.stringify(body) ?? '');
  switch (type) {
    case 'BlockDelta': {
      const delta = body.delta;
      if (isObj(delta)) {
        const [kind, value] = Object.entries(delta)[0] ?? ['', ''];
        return cut(
          `#${String(body.index)} ${kind}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
        );
      }
      break;
    }
    case 'BlockStart':
    case 'BlockStop':
      return cut(
        `#${String(body.index)} ${String(body.block_type)}${body.stop_reason != null ? ` (${String(body.stop_reason)})` : ''}`,
      );
    case 'BlockAbort':
      return cut(`#${String(body.index)} ${String(body.block_type)}: ${String(body.reason)}`);
    case 'Status':
      return String(body.status);
    case 'Error':
      return cut(`${body.code != null ? `${String(body.code)}: ` : ''}${String(body.message)}`);
    case 'Usage':
      return `in ${String(body.input_tokens)}, out ${String(body.output_tokens)}`;
  }
  return cut(JSON.stringify(body));
}

function eventOf(line: number, text: string): YoiTraceEvent {
  const unreadable = (why: string): YoiTraceEvent => ({
    line,
    time: null,
    turn: null,
    type: 'unreadable',
    detail: why,
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return unreadable(cut(text.replaceAll('\u0000', '')));
  }
  if (!isObj(value)) return unreadable('not a JSON object');
  const ts = typeof value.ts === 'number' ? value.ts : null;
  const turn = typeof value.turn === 'number' ? value.turn : null;
  const event = value.event;
  let type: string;
  let body: unknown = null;
  if (typeof event === 'string') type = event;
  else if (isObj(event) && Object.keys(event).length === 1)
    [type, body] = Object.entries(event)[0] as [string, unknown];
  else return unreadable('no event');
  return { line, time: isoOf(ts), turn, type, detail: gist(type, body) };
}

/** The trace's summary, or null when the session has none. */
export async function readTrace(path: string, cap = TRACE_EVENTS_CAP): Promise<YoiTraceSummary | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    const { size } = factsOf(await handle.stat());
    const counts: Record<string, number> = {};
    const events = new Capped<YoiTraceEvent>(cap);
    let lines = 0;
    let unreadableLines = 0;
    let firstTime: string | null = null;
    let lastTime: string | null = null;
    await scanLines(
      handle,
      (raw) => {
        if (raw.bytes !== null && isBlank(raw.bytes)) return;
        lines += 1;
        const event =
          raw.bytes === null ? eventOf(raw.number, '') : eventOf(raw.number, raw.bytes.toString('utf8'));
        if (event.type === 'unreadable') unreadableLines += 1;
        else counts[event.type] = (counts[event.type] ?? 0) + 1;
        if (event.time !== null) {
          firstTime ??= event.time;
          lastTime = event.time;
        }
        events.push(event);
      },
      { end: size },
    );
    return { lines, unreadableLines, counts, firstTime, lastTime, events: events.value() };
  } finally {
    await handle.close();
  }
}
