/**
 * `serde_json::to_string_pretty(&asset)` byte for byte (formats.md §1.3 and the conventions at
 * its top): struct fields in declaration order, two-space indent, `": "`, `[]`/`{}` when empty,
 * no final newline, `null` for None, f32/f64 through ryu-style formatting, and
 * `serde_json::Value` objects with their keys in byte order (a BTreeMap without
 * `preserve_order`). HashMap fields keep the order they have in memory: ORCS writes them in a
 * random order, so any order is as valid, and keeping the file's own makes a round trip exact.
 */
import type {
  AutoTriggerConfig,
  CommandGrant,
  CompactedTurn,
  ComponentSnapshot,
  ContextInjection,
  ConversationTurn,
  Extra,
  LearnedFact,
  SessionAsset,
  SkillConfig,
  ToolCallRecord,
  TriggerCondition,
} from './asset';
import { JsonNumber } from './json';
import type { JsonValue } from './json';
import { formatF32, formatSerdeNumber, readSerdeNumber } from './numbers';

type Emit = (w: Writer) => void;
type Member = [key: string, emit: Emit];

/** Strings escape exactly as serde_json does; the reader guarantees no lone surrogates. */
const quote = (s: string): string => JSON.stringify(s);

class Writer {
  private readonly parts: string[] = [];
  private depth = 0;

  token(text: string): void {
    this.parts.push(text);
  }

  string(s: string): void {
    this.parts.push(quote(s));
  }

  optionalString(s: string | null): void {
    this.parts.push(s === null ? 'null' : quote(s));
  }

  object(members: Member[]): void {
    this.container('{', '}', members.length, (i) => {
      const [key, emit] = members[i] as Member;
      this.parts.push(quote(key), ': ');
      emit(this);
    });
  }

  array<T>(items: readonly T[], emit: (w: Writer, item: T) => void): void {
    this.container('[', ']', items.length, (i) => emit(this, items[i] as T));
  }

  text(): string {
    return this.parts.join('');
  }

  private container(open: string, close: string, count: number, item: (i: number) => void): void {
    if (count === 0) {
      this.parts.push(open, close);
      return;
    }
    this.parts.push(open);
    this.depth++;
    for (let i = 0; i < count; i++) {
      this.parts.push(i === 0 ? '\n' : ',\n', '  '.repeat(this.depth));
      item(i);
    }
    this.depth--;
    this.parts.push('\n', '  '.repeat(this.depth), close);
  }
}

export function serializeAsset(asset: SessionAsset): string {
  const w = new Writer();
  w.object(
    withExtra(
      [
        ['id', str(asset.id)],
        ['version', int(asset.version)],
        ['created_at_ms', int(asset.created_at_ms)],
        ['updated_at_ms', int(asset.updated_at_ms)],
        [
          'history',
          struct(
            [
              ['turns', list(asset.history.turns, turn)],
              ['compacted', list(asset.history.compacted, compacted)],
              ['max_turns', int(asset.history.max_turns)],
            ],
            asset.history.extra,
          ),
        ],
        ['preferences', preferences(asset)],
        ['project_context', projectContext(asset)],
        ['skill_configs', map(asset.skill_configs, skillConfig)],
        ['component_snapshots', map(asset.component_snapshots, snapshot)],
        ['granted_commands', list(asset.granted_commands, grant)],
        ['metadata', map(asset.metadata, serdeValue)],
      ],
      asset.extra,
    ),
  );
  return w.text();
}

const str =
  (s: string): Emit =>
  (w) =>
    w.string(s);
const optionalStr =
  (s: string | null): Emit =>
  (w) =>
    w.optionalString(s);
const int =
  (n: number | bigint): Emit =>
  (w) =>
    w.token(n.toString());
const bool =
  (b: boolean): Emit =>
  (w) =>
    w.token(b ? 'true' : 'false');
const strings =
  (items: readonly string[]): Emit =>
  (w) =>
    w.array(items, (ww, s) => ww.string(s));
const list =
  <T>(items: readonly T[], emit: (item: T) => Emit): Emit =>
  (w) =>
    w.array(items, (ww, item) => emit(item)(ww));
const struct =
  (members: Member[], extra: Extra | undefined): Emit =>
  (w) =>
    w.object(withExtra(members, extra));
const map =
  <T>(entries: Map<string, T>, emit: (value: T) => Emit): Emit =>
  (w) =>
    w.object([...entries].map(([key, value]): Member => [key, emit(value)]));

function withExtra(members: Member[], extra: Extra | undefined): Member[] {
  if (extra === undefined) return members;
  return [...members, ...extra.map(([key, value]): Member => [key, rawValue(value)])];
}

/** A serde_json::Value: BTreeMap key order, numbers as serde reads and then writes them. */
function serdeValue(value: JsonValue): Emit {
  return (w) => {
    if (value instanceof Map) {
      const keys = [...value.keys()].sort(compareCodePoints);
      w.object(keys.map((key): Member => [key, serdeValue(value.get(key) as JsonValue)]));
    } else if (Array.isArray(value)) {
      w.array(value, (ww, item) => serdeValue(item)(ww));
    } else if (value instanceof JsonNumber) {
      w.token(formatSerdeNumber(readSerdeNumber(value.text)));
    } else {
      scalar(w, value);
    }
  };
}

/** Something ORCS does not model (an unknown field or trigger): written exactly as found. */
function rawValue(value: JsonValue): Emit {
  return (w) => {
    if (value instanceof Map) w.object([...value].map(([key, v]): Member => [key, rawValue(v)]));
    else if (Array.isArray(value)) w.array(value, (ww, item) => rawValue(item)(ww));
    else if (value instanceof JsonNumber) w.token(value.text);
    else scalar(w, value);
  };
}

function scalar(w: Writer, value: null | boolean | string): void {
  if (typeof value === 'string') w.string(value);
  else w.token(value === null ? 'null' : value ? 'true' : 'false');
}

/**
 * UTF-8 byte order is code point order; JS compares UTF-16 units, which puts astral characters
 * (surrogates, D800-DFFF) before U+E000-U+FFFF. Shifting the two ranges fixes that.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codeUnitRank(x) - codeUnitRank(y);
  }
  return a.length - b.length;
}

function codeUnitRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

function turn(t: ConversationTurn): Emit {
  return struct(
    [
      ['id', str(t.id)],
      ['timestamp_ms', int(t.timestamp_ms)],
      ['role', str(t.role)],
      ['content', str(t.content)],
      ['tool_calls', list(t.tool_calls, toolCall)],
      ['tags', strings(t.tags)],
      ['metadata', map(t.metadata, serdeValue)],
    ],
    t.extra,
  );
}

function toolCall(call: ToolCallRecord): Emit {
  return struct(
    [
      ['tool_name', str(call.tool_name)],
      ['args', serdeValue(call.args)],
      ['result', serdeValue(call.result)],
      ['success', bool(call.success)],
      ['duration_ms', int(call.duration_ms)],
    ],
    call.extra,
  );
}

function compacted(c: CompactedTurn): Emit {
  return struct(
    [
      ['summary', str(c.summary)],
      ['turn_count', int(c.turn_count)],
      ['start_time_ms', int(c.start_time_ms)],
      ['end_time_ms', int(c.end_time_ms)],
    ],
    c.extra,
  );
}

function preferences({ preferences: p }: SessionAsset): Emit {
  const c = p.coding_style;
  const t = p.communication;
  return struct(
    [
      [
        'coding_style',
        struct(
          [
            ['preferred_languages', strings(c.preferred_languages)],
            ['indent', optionalStr(c.indent)],
            ['indent_size', (w) => w.token(c.indent_size === null ? 'null' : String(c.indent_size))],
            ['naming_convention', optionalStr(c.naming_convention)],
            ['comment_style', optionalStr(c.comment_style)],
          ],
          c.extra,
        ),
      ],
      [
        'communication',
        struct(
          [
            ['verbosity', optionalStr(t.verbosity)],
            ['language', optionalStr(t.language)],
            ['formality', optionalStr(t.formality)],
            ['include_examples', bool(t.include_examples)],
          ],
          t.extra,
        ),
      ],
      ['frequent_tools', strings(p.frequent_tools)],
      ['custom', map(p.custom, serdeValue)],
    ],
    p.extra,
  );
}

function projectContext({ project_context: p }: SessionAsset): Emit {
  return struct(
    [
      ['root_path', optionalStr(p.root_path)],
      ['name', optionalStr(p.name)],
      ['technologies', strings(p.technologies)],
      ['key_files', strings(p.key_files)],
      ['architecture_notes', strings(p.architecture_notes)],
      ['learned_facts', list(p.learned_facts, fact)],
      ['persistent_contexts', list(p.persistent_contexts, injection)],
    ],
    p.extra,
  );
}

function fact(f: LearnedFact): Emit {
  return struct(
    [
      ['key', str(f.key)],
      ['value', str(f.value)],
      ['source', str(f.source)],
      ['confidence', (w) => w.token(formatF32(f.confidence))],
      ['learned_at_ms', int(f.learned_at_ms)],
    ],
    f.extra,
  );
}

function injection(c: ContextInjection): Emit {
  return struct(
    [
      ['id', str(c.id)],
      ['timing', str(c.timing)],
      ['content', str(c.content)],
    ],
    c.extra,
  );
}

function skillConfig(s: SkillConfig): Emit {
  return struct(
    [
      ['skill_id', str(s.skill_id)],
      ['enabled', bool(s.enabled)],
      ['auto_trigger', autoTrigger(s.auto_trigger)],
      ['params', map(s.params, serdeValue)],
    ],
    s.extra,
  );
}

function autoTrigger(a: AutoTriggerConfig): Emit {
  return struct(
    [
      ['enabled', bool(a.enabled)],
      ['triggers', list(a.triggers, trigger)],
    ],
    a.extra,
  );
}

function trigger(t: TriggerCondition): Emit {
  switch (t.variant) {
    case 'OnLLMPreRequest':
    case 'OnLLMPostResponse':
      return str(t.variant);
    case 'OnFileEdit':
      return struct([[t.variant, struct([['glob', str(t.glob)]], undefined)]], undefined);
    case 'OnEvent':
      return struct([[t.variant, struct([['kind', str(t.kind)]], undefined)]], undefined);
    case 'Interval':
      return struct([[t.variant, struct([['seconds', int(t.seconds)]], undefined)]], undefined);
    case 'raw':
      return rawValue(t.value);
  }
}

function snapshot(s: ComponentSnapshot): Emit {
  return struct(
    [
      ['component_fqn', str(s.component_fqn)],
      ['version', int(s.version)],
      ['state', serdeValue(s.state)],
      ['metadata', map(s.metadata, serdeValue)],
    ],
    s.extra,
  );
}

function grant(g: CommandGrant): Emit {
  return struct(
    [
      ['pattern', str(g.pattern)],
      ['kind', str(g.kind)],
    ],
    g.extra,
  );
}
