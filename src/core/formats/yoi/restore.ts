/** `Session::restore` = `collect_state(read_all(id))` (formats.md §3.7), streamed. */
import { defaultConfig } from './entries';
import type { HashedEntry, Item, JsonValue, RequestConfig } from './entries';
import { scanLog } from './log';
import type { LogScan } from './log';

export interface UsageRecord {
  history_len: number;
  input_total_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  output_tokens: number;
}

export interface RestoredState {
  systemPrompt: string | null;
  config: RequestConfig;
  history: Item[];
  turnCount: number;
  lastRunInterrupted: boolean;
  headHash: string | null;
  usageHistory: UsageRecord[];
  extensions: { domain: string; payload: JsonValue }[];
}

export function emptyState(): RestoredState {
  return {
    systemPrompt: null,
    config: defaultConfig(),
    history: [],
    turnCount: 0,
    lastRunInterrupted: false,
    headHash: null,
    usageHistory: [],
    extensions: [],
  };
}

/** One step of `collect_state`'s fold. */
export function applyEntry(state: RestoredState, { hash, entry }: HashedEntry): void {
  state.headHash = hash;
  switch (entry.kind) {
    case 'session_start':
      state.systemPrompt = entry.system_prompt;
      state.config = entry.config;
      state.history = [...entry.history];
      break;
    case 'user_input':
      state.history.push(entry.item);
      break;
    case 'assistant_items':
    case 'tool_results':
    case 'hook_injected_items':
      state.history.push(...entry.items);
      break;
    case 'turn_end':
      state.turnCount = entry.turn_count;
      break;
    case 'run_completed':
    case 'run_errored':
      state.lastRunInterrupted = entry.interrupted;
      break;
    case 'config_changed':
      state.config = entry.config;
      break;
    case 'llm_usage': {
      const { history_len, input_total_tokens, cache_read_tokens, cache_write_tokens, output_tokens } = entry;
      state.usageHistory.push({
        history_len,
        input_total_tokens,
        cache_read_tokens,
        cache_write_tokens,
        output_tokens,
      });
      break;
    }
    case 'extension':
      state.extensions.push({ domain: entry.domain, payload: entry.payload });
      break;
    case 'unknown':
      break;
  }
}

export interface Restored {
  state: RestoredState;
  scan: LogScan;
  /** With `upTo`: whether the entry was found (the crate folds the whole log when it is not). */
  found: boolean;
  /** Items the crate could not read, or unknown entries, within what was folded. */
  unknown: number;
}

/**
 * The state of the log, or of its prefix ending with the entry whose hash is `upTo` (`fork_at`'s
 * cut). Unreadable lines are skipped; the crate would refuse the whole log instead.
 */
export async function restore(path: string, upTo?: string): Promise<Restored> {
  const state = emptyState();
  let found = false;
  let unknown = 0;
  let lastLine = 0;
  const scan = await scanLog(path, (line) => {
    applyEntry(state, line.entry);
    lastLine = line.number;
    unknown += countUnknown(line.entry);
    if (upTo !== undefined && line.entry.hash === upTo) {
      found = true;
      return false;
    }
    return true;
  });
  if (found) scan.unreadable = scan.unreadable.filter((bad) => bad.number < lastLine);
  return { state, scan, found, unknown };
}

function countUnknown({ entry }: HashedEntry): number {
  switch (entry.kind) {
    case 'unknown':
      return 1;
    case 'session_start':
      return entry.history.filter((i) => i.type === 'unknown').length;
    case 'user_input':
      return entry.item.type === 'unknown' ? 1 : 0;
    case 'assistant_items':
    case 'tool_results':
    case 'hook_injected_items':
      return entry.items.filter((i) => i.type === 'unknown').length;
    default:
      return 0;
  }
}
