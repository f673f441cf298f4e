/**
 * The normalised turns of a yoi log, built as the log is folded. History items become
 * user/assistant/system turns; an assistant step's reasoning, messages and tool calls are one
 * turn, with reasoning folded into its metadata (`metadata.reasoning`): the crate writes
 * reasoning in the same `assistant_items` batch as the reply it led to, and a turn per thought
 * would double the turn count without anything to read in most of them (encrypted or summarised).
 * Tool results attach to their call by `call_id`. Turn ends, run outcomes, config changes,
 * origins and anything unknown are notice turns at their place in the log.
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

export class Timeline {
  readonly turns: Turn[] = [];
  private open: { turn: Turn; batch: string } | null = null;
  private readonly calls = new Map<string, { call: ToolCall; ts: number }>();

  add({ entry }: HashedEntry, place: Place): void {
    const extra = extraOf(entry);
    switch (entry.kind) {
      case 'session_start':
        // collect_state replaces the history: the turns before it are not part of this state.
        this.turns.length = 0;
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
        for (const item of entry.history) this.item(item, place, 'history', false);
        this.open = null;
        break;
      case 'user_input':
        this.item(entry.item, place, String(place.line), false);
        break;
      case 'assistant_items':
      case 'tool_results':
      case 'hook_injected_items':
        for (const item of entry.items)
          this.item(item, place, String(place.line), entry.kind === 'hook_injected_items');
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
    if (extra && this.turns.length > 0) {
      const last = this.turns[this.turns.length - 1];
      if (last && last.metadata.line === place.line) last.metadata.extraFields = extra;
    }
  }

  private item(item: Item, place: Place, batch: string, hook: boolean): void {
    const tags = hook ? ['hook'] : [];
    const base = (role: string, id: string | undefined): Turn =>
      this.push({
        index: this.turns.length,
        notice: false,
        id: id ?? null,
        role,
        text: '',
        time: isoOf(place.ts),
        toolCalls: [],
        tags,
        metadata: { line: place.line, hash: place.hash },
      });
    const extra = extraOf(item);
    switch (item.type) {
      case 'message': {
        const text = item.content.map((p) => (p.type === 'text' ? p.text : p.refusal)).join('');
        const turn =
          item.role === 'assistant' && !hook
            ? this.assistant(place, batch, item.id)
            : this.close(base(item.role, item.id));
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
          arguments: argumentsOf(item.arguments),
          result: null,
          success: null,
          durationMs: null,
        };
        turn.toolCalls.push(call);
        const ids = (turn.metadata.callIds as string[] | undefined) ?? [];
        turn.metadata.callIds = [...ids, item.call_id];
        this.calls.set(item.call_id, { call, ts: place.ts });
        break;
      }
      case 'reasoning': {
        const turn = hook ? this.close(base('assistant', item.id)) : this.assistant(place, batch, item.id);
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
          this.calls.delete(item.call_id);
          break;
        }
        const turn = this.close(base('tool', item.id));
        turn.text = result;
        turn.metadata.callId = item.call_id;
        if (item.content !== undefined) turn.metadata.summary = item.summary;
        break;
      }
      case 'unknown': {
        const turn = this.close(base('system', undefined));
        turn.notice = true;
        turn.text = `Unknown item: ${JSON.stringify(item.raw)}`;
        turn.metadata.raw = item.raw;
        turn.tags = [...tags, 'unknown'];
        break;
      }
    }
  }

  /** The assistant turn of this batch, opened if the batch has none yet. */
  private assistant(place: Place, batch: string, id: string | undefined): Turn {
    if (this.open && this.open.batch === batch) {
      if (this.open.turn.id === null && id !== undefined) this.open.turn.id = id;
      return this.open.turn;
    }
    const turn = this.push({
      index: this.turns.length,
      notice: false,
      id: id ?? null,
      role: 'assistant',
      text: '',
      time: isoOf(place.ts),
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
        index: this.turns.length,
        notice: true,
        id: null,
        role: 'system',
        text,
        time: isoOf(place.ts),
        toolCalls: [],
        tags,
        metadata: { line: place.line, hash: place.hash, ...metadata },
      }),
    );
  }

  private push(turn: Turn): Turn {
    this.turns.push(turn);
    return turn;
  }

  /** Anything but an assistant-side item ends the open assistant turn. */
  private close(turn: Turn): Turn {
    this.open = null;
    return turn;
  }
}
