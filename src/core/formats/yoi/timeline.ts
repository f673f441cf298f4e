/**
 * The normalised turns of a yoi log, built as the log is folded. History items become
 * user/assistant/system turns; an assistant step's reasoning, messages and tool calls are one
 * turn, with reasoning folded into its metadata (`metadata.reasoning`): the crate writes
 * reasoning in the same `assistant_items` batch as the reply it led to, and a turn per thought
 * would double the turn count without anything to read in most of them (encrypted or summarised).
 * Tool results attach to their call by `call_id`; the turn then also names the entry of its last
 * result (`endLine`/`endHash` beside its first entry's `line`/`hash`), where a fork of the whole
 * turn cuts. Turn ends, run outcomes, config changes, origins and anything unknown are notice
 * turns at their place in the log.
 *
 * The same fold serves a whole-log pass that keeps no turns (it only reports where each is made
 * and completed, for the turn index) and a page that replays a byte range of the log from the
 * line of its first turn (turn-page.ts). Nothing but tool results reaches back across lines: an
 * assistant turn only gathers items of its own entry, so a page needs just its first turn's index
 * and which of its results the whole log gave to calls made before the page.
 */
import type { ToolCall, Turn } from '../../../shared/model';
import { extraOf } from './entries';
import type { HashedEntry, Item, RequestConfig } from './entries';

export interface Place {
  line: number;
  hash: string;
  ts: number;
}

export function isoOf(ts: number | null): string | null {
  if (ts === null) return null;
  const date = new Date(ts);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The arguments as JSON when they are valid JSON text, else the text itself. */
function argumentsOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function describeConfig(c: RequestConfig): string {
  return Object.entries(c)
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(', ');
}

export interface TimelineOptions {
  /** Keep the turns made in `turns`; a pass that only indexes them does not. */
  keep?: boolean;
  /**
   * Fill in what turns show (text, time, arguments, reasoning, metadata). A pass that only
   * indexes them needs just their roles, places and calls: the rest is a third of its time.
   */
  content?: boolean;
  /** The index of the first turn made: a page replays the log from its first turn's line. */
  firstIndex?: number;
  /** Told of each turn as it is made. */
  onTurn?: (turn: Turn) => void;
  /** Told when item `ordinal` of the entry at `place` gives its result to a call of `turn`. */
  onResult?: (turn: Turn, place: Place, ordinal: number) => void;
  /**
   * Whether the whole log gave item `ordinal` of the entry on `line` to a call. A page that has
   * no such call pending made it before the page's first line, so the result is not a turn here.
   */
  resultTaken?: (line: number, ordinal: number) => boolean;
}

/** A tool call still waiting for its result, as a stored digest keeps it. */
export interface PendingCall {
  callId: string;
  /** The `ts` of the entry that made the call. */
  ts: number;
  /** The index of the turn the call belongs to. */
  turn: number;
}

/**
 * What the next entry of a fold can reach back to: the next turn's index and the calls still
 * waiting for results. The open assistant turn is not part of it: only items of the entry that
 * opened it join it.
 */
export interface FoldState {
  next: number;
  pending: PendingCall[];
}

export class Timeline {
  readonly turns: Turn[] = [];
  private next: number;
  private readonly content: boolean;
  private last: Turn | null = null;
  private open: { turn: Turn; batch: string } | null = null;
  private readonly calls = new Map<string, { call: ToolCall; ts: number; turn: Turn }>();

  constructor(private readonly options: TimelineOptions = {}) {
    this.next = options.firstIndex ?? 0;
    this.content = options.content ?? true;
  }

  foldState(): FoldState {
    const pending = [...this.calls].map(([callId, { ts, turn }]) => ({ callId, ts, turn: turn.index }));
    return { next: this.next, pending };
  }

  /**
   * Carries on the fold `state` describes, which a pass that keeps neither turns nor content
   * stopped at: a restored call answers to a turn holding only its index, all such a pass reads.
   */
  resume(state: FoldState): void {
    if (this.content || (this.options.keep ?? true))
      throw new Error('only a fold that keeps no turns and no content can be resumed');
    this.next = state.next;
    this.last = null;
    this.open = null;
    this.calls.clear();
    for (const { callId, ts, turn } of state.pending) {
      const call: ToolCall = { name: '', arguments: null, result: null, success: null, durationMs: null };
      this.calls.set(callId, {
        call,
        ts,
        turn: {
          index: turn,
          notice: false,
          id: null,
          role: 'assistant',
          text: '',
          time: null,
          toolCalls: [call],
          tags: [],
          metadata: {},
        },
      });
    }
  }

  add({ entry }: HashedEntry, place: Place): void {
    const extra = this.content ? extraOf(entry) : undefined;
    switch (entry.kind) {
      case 'session_start':
        // collect_state replaces the history: the turns before it are not part of this state.
        this.turns.length = 0;
        this.next = 0;
        this.last = null;
        this.calls.clear();
        this.open = null;
        if (entry.forked_from) {
          const { session_id, at_hash } = entry.forked_from;
          this.notice(place, `Forked from ${session_id} at ${at_hash}`, { forkedFrom: entry.forked_from });
        }
        if (entry.compacted_from) {
          const { session_id, at_hash } = entry.compacted_from;
          this.notice(place, `Compacted from ${session_id} at ${at_hash}`, {
            compactedFrom: entry.compacted_from,
          });
        }
        entry.history.forEach((item, ordinal) => this.item(item, place, 'history', false, ordinal));
        this.open = null;
        break;
      case 'user_input':
        this.item(entry.item, place, String(place.line), false, 0);
        break;
      case 'assistant_items':
      case 'tool_results':
      case 'hook_injected_items':
        entry.items.forEach((item, ordinal) =>
          this.item(item, place, String(place.line), entry.kind === 'hook_injected_items', ordinal),
        );
        break;
      case 'turn_end':
        this.notice(place, `Turn ${entry.turn_count} ended`, { turnCount: entry.turn_count });
        break;
      case 'run_completed':
        this.notice(place, `Run completed: ${entry.result}${entry.interrupted ? ' (interrupted)' : ''}`, {
          outcome: 'completed',
          result: entry.result,
          interrupted: entry.interrupted,
        });
        break;
      case 'run_errored':
        this.notice(place, `Run errored${entry.interrupted ? ' (interrupted)' : ''}: ${entry.message}`, {
          outcome: 'errored',
          message: entry.message,
          interrupted: entry.interrupted,
        });
        break;
      case 'config_changed':
        this.notice(place, `Config changed: ${describeConfig(entry.config)}`, { config: entry.config });
        break;
      case 'llm_usage':
      case 'extension':
        // Bookkeeping, not conversation: the panels list them.
        break;
      case 'unknown':
        this.notice(place, `Unknown entry: ${JSON.stringify(entry.raw)}`, { raw: entry.raw }, ['unknown']);
        break;
    }
    if (extra && this.last && this.last.metadata.line === place.line) this.last.metadata.extraFields = extra;
  }

  private item(item: Item, place: Place, batch: string, hook: boolean, ordinal: number): void {
    const tags = hook ? ['hook'] : [];
    const base = (role: string, id: string | undefined): Turn =>
      this.push({
        index: this.next,
        notice: false,
        id: id ?? null,
        role,
        text: '',
        time: this.timeOf(place),
        toolCalls: [],
        tags,
        metadata: { line: place.line, hash: place.hash },
      });
    switch (item.type) {
      case 'message': {
        const turn =
          item.role === 'assistant' && !hook
            ? this.assistant(place, batch, item.id)
            : this.close(base(item.role, item.id));
        if (!this.content) break;
        const text = item.content.map((p) => (p.type === 'text' ? p.text : p.refusal)).join('');
        const extra = extraOf(item);
        turn.text = turn.text === '' ? text : `${turn.text}\n\n${text}`;
        if (item.content.some((p) => p.type === 'refusal')) turn.metadata.refusal = true;
        if (item.status) turn.metadata.status = item.status;
        if (extra) turn.metadata.extraFields = extra;
        break;
      }
      case 'tool_call': {
        const turn = hook ? this.close(base('assistant', item.id)) : this.assistant(place, batch, item.id);
        const call: ToolCall = {
          name: item.name,
          arguments: this.content ? argumentsOf(item.arguments) : null,
          result: null,
          success: null,
          durationMs: null,
        };
        turn.toolCalls.push(call);
        this.calls.set(item.call_id, { call, ts: place.ts, turn });
        if (!this.content) break;
        const ids = (turn.metadata.callIds as string[] | undefined) ?? [];
        turn.metadata.callIds = [...ids, item.call_id];
        break;
      }
      case 'reasoning': {
        const turn = hook ? this.close(base('assistant', item.id)) : this.assistant(place, batch, item.id);
        if (!this.content) break;
        const reasoning = (turn.metadata.reasoning as unknown[] | undefined) ?? [];
        turn.metadata.reasoning = [
          ...reasoning,
          {
            text: item.text,
            summary: item.summary ?? [],
            encrypted: item.encrypted_content !== undefined,
            ...(item.status ? { status: item.status } : {}),
          },
        ];
        break;
      }
      case 'tool_result': {
        const result = item.content ?? item.summary;
        const pending = this.calls.get(item.call_id);
        if (pending && pending.call.result === null && !hook) {
          pending.call.result = result;
          pending.call.durationMs = place.ts >= pending.ts ? place.ts - pending.ts : null;
          // The turn now shows this later entry too, so a fork of the whole turn must cut after it.
          pending.turn.metadata.endLine = place.line;
          pending.turn.metadata.endHash = place.hash;
          this.calls.delete(item.call_id);
          this.options.onResult?.(pending.turn, place, ordinal);
          break;
        }
        if (!pending && !hook && this.options.resultTaken?.(place.line, ordinal)) break;
        const turn = this.close(base('tool', item.id));
        turn.text = result;
        turn.metadata.callId = item.call_id;
        if (item.content !== undefined) turn.metadata.summary = item.summary;
        break;
      }
      case 'unknown': {
        const turn = this.close(base('system', undefined));
        turn.notice = true;
        turn.tags = [...tags, 'unknown'];
        if (!this.content) break;
        turn.text = `Unknown item: ${JSON.stringify(item.raw)}`;
        turn.metadata.raw = item.raw;
        break;
      }
    }
  }

  private timeOf(place: Place): string | null {
    return this.content ? isoOf(place.ts) : null;
  }

  /** The assistant turn of this batch, opened if the batch has none yet. */
  private assistant(place: Place, batch: string, id: string | undefined): Turn {
    if (this.open && this.open.batch === batch) {
      if (this.open.turn.id === null && id !== undefined) this.open.turn.id = id;
      return this.open.turn;
    }
    const turn = this.push({
      index: this.next,
      notice: false,
      id: id ?? null,
      role: 'assistant',
      text: '',
      time: this.timeOf(place),
      toolCalls: [],
      tags: [],
      metadata: { line: place.line, hash: place.hash },
    });
    this.open = { turn, batch };
    return turn;
  }

  private notice(place: Place, text: string, metadata: Record<string, unknown>, tags: string[] = []): void {
    this.close(
      this.push({
        index: this.next,
        notice: true,
        id: null,
        role: 'system',
        text,
        time: this.timeOf(place),
        toolCalls: [],
        tags,
        metadata: { line: place.line, hash: place.hash, ...metadata },
      }),
    );
  }

  private push(turn: Turn): Turn {
    this.next += 1;
    this.last = turn;
    if (this.options.keep ?? true) this.turns.push(turn);
    this.options.onTurn?.(turn);
    return turn;
  }

  /** Anything but an assistant-side item ends the open assistant turn. */
  private close(turn: Turn): Turn {
    this.open = null;
    return turn;
  }
}
