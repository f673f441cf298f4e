/**
 * ORCS's `SessionAsset` (orcs_runtime::session, formats.md §1.3) and a reader that accepts
 * exactly the files ORCS's loader accepts. Field names are ORCS's own serde names on purpose:
 * the types mirror the Rust structs one to one, so reading and writing need no renaming table.
 *
 * Where this reader is deliberately kinder than serde: a trigger that is not one of today's
 * five TriggerCondition variants and a grant kind other than Persistent/OneTime are kept raw
 * rather than failing the whole file, so a session from a newer ORCS still opens. Fields ORCS
 * does not know are kept (in `extra`) so that nothing in a file is lost by a rewrite.
 */
import { JsonNumber, describeJson, parseJson } from './json';
import type { JsonObject, JsonValue } from './json';
import { NumberOutOfRangeError, U32, U64, U8, readF32, readSerdeNumber, readUnsigned } from './numbers';

/** Members ORCS does not know, in file order; written back unchanged after the known ones. */
export type Extra = [key: string, value: JsonValue][];

export interface SessionAsset {
  id: string;
  version: number;
  created_at_ms: bigint;
  updated_at_ms: bigint;
  history: ConversationHistory;
  preferences: UserPreferences;
  project_context: ProjectContext;
  /** A Rust HashMap: ORCS writes it in random order, so file order is kept as found. */
  skill_configs: Map<string, SkillConfig>;
  component_snapshots: Map<string, ComponentSnapshot>;
  granted_commands: CommandGrant[];
  metadata: Map<string, JsonValue>;
  extra?: Extra;
}

export interface ConversationHistory {
  turns: ConversationTurn[];
  compacted: CompactedTurn[];
  max_turns: bigint;
  extra?: Extra;
}

export interface ConversationTurn {
  id: string;
  timestamp_ms: bigint;
  role: string;
  content: string;
  tool_calls: ToolCallRecord[];
  tags: string[];
  metadata: Map<string, JsonValue>;
  extra?: Extra;
}

export interface ToolCallRecord {
  tool_name: string;
  args: JsonValue;
  /** `Option<Value>`: a JSON `null` reads as None and is written as `null` again. */
  result: JsonValue;
  success: boolean;
  duration_ms: bigint;
  extra?: Extra;
}

export interface CompactedTurn {
  summary: string;
  turn_count: bigint;
  start_time_ms: bigint;
  end_time_ms: bigint;
  extra?: Extra;
}

export interface UserPreferences {
  coding_style: CodingStylePrefs;
  communication: CommunicationPrefs;
  frequent_tools: string[];
  custom: Map<string, JsonValue>;
  extra?: Extra;
}

export interface CodingStylePrefs {
  preferred_languages: string[];
  indent: string | null;
  indent_size: number | null;
  naming_convention: string | null;
  comment_style: string | null;
  extra?: Extra;
}

export interface CommunicationPrefs {
  verbosity: string | null;
  language: string | null;
  formality: string | null;
  include_examples: boolean;
  extra?: Extra;
}

export interface ProjectContext {
  root_path: string | null;
  name: string | null;
  technologies: string[];
  key_files: string[];
  architecture_notes: string[];
  learned_facts: LearnedFact[];
  persistent_contexts: ContextInjection[];
  extra?: Extra;
}

export interface LearnedFact {
  key: string;
  value: string;
  source: string;
  /** An f32 in ORCS: always holds a value `Math.fround` leaves unchanged. */
  confidence: number;
  learned_at_ms: bigint;
  extra?: Extra;
}

export interface ContextInjection {
  id: string;
  timing: string;
  content: string;
  extra?: Extra;
}

export interface SkillConfig {
  skill_id: string;
  enabled: boolean;
  auto_trigger: AutoTriggerConfig;
  params: Map<string, JsonValue>;
  extra?: Extra;
}

export interface AutoTriggerConfig {
  enabled: boolean;
  triggers: TriggerCondition[];
  extra?: Extra;
}

export type TriggerCondition =
  | { variant: 'OnFileEdit'; glob: string }
  | { variant: 'OnLLMPreRequest' }
  | { variant: 'OnLLMPostResponse' }
  | { variant: 'OnEvent'; kind: string }
  | { variant: 'Interval'; seconds: bigint }
  /** Anything else, kept exactly as found (a newer ORCS may have more variants). */
  | { variant: 'raw'; value: JsonValue };

export interface ComponentSnapshot {
  component_fqn: string;
  version: number;
  state: JsonValue;
  metadata: Map<string, JsonValue>;
  extra?: Extra;
}

export interface CommandGrant {
  pattern: string;
  /** `GrantKind`: "Persistent" or "OneTime"; other strings are kept as found. */
  kind: string;
  extra?: Extra;
}

/** Why a file is not a SessionAsset ORCS could load; the message says where and what. */
export class AssetShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssetShapeError';
  }
}

/** Decodes the bytes of a session file the way ORCS's `read_to_string` + `from_str` would. */
export function decodeAssetText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new AssetShapeError('the file is empty');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw new AssetShapeError('the file starts with a UTF-8 byte-order mark, which ORCS cannot read');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new AssetShapeError('the file is not valid UTF-8');
  }
}

/** Parses the text of a session file; throws JsonSyntaxError or AssetShapeError. */
export function parseAsset(text: string): SessionAsset {
  const { value, duplicateKeys } = parseJson(text);
  return new Reader(duplicateKeys).asset(value);
}

type FieldKind = 'required' | 'optional' | 'default';

class Reader {
  private readonly duplicateKeys: WeakMap<JsonObject, Set<string>>;

  constructor(duplicateKeys: WeakMap<JsonObject, Set<string>>) {
    this.duplicateKeys = duplicateKeys;
  }

  asset(value: JsonValue): SessionAsset {
    const s = this.struct(value, '', 'SessionAsset', {
      id: 'required',
      version: 'required',
      created_at_ms: 'required',
      updated_at_ms: 'required',
      history: 'required',
      preferences: 'required',
      project_context: 'required',
      skill_configs: 'required',
      component_snapshots: 'default',
      granted_commands: 'default',
      metadata: 'required',
    });
    return withExtra(
      {
        id: this.string(s.get('id'), 'id'),
        version: Number(this.unsigned(s.get('version'), 'version', U32, 'u32')),
        created_at_ms: this.unsigned(s.get('created_at_ms'), 'created_at_ms', U64, 'u64'),
        updated_at_ms: this.unsigned(s.get('updated_at_ms'), 'updated_at_ms', U64, 'u64'),
        history: this.history(s.get('history'), 'history'),
        preferences: this.preferences(s.get('preferences'), 'preferences'),
        project_context: this.projectContext(s.get('project_context'), 'project_context'),
        skill_configs: this.map(s.get('skill_configs'), 'skill_configs', (v, p) => this.skillConfig(v, p)),
        component_snapshots: s.has('component_snapshots')
          ? this.map(s.get('component_snapshots'), 'component_snapshots', (v, p) => this.snapshot(v, p))
          : new Map(),
        granted_commands: s.has('granted_commands')
          ? this.list(s.get('granted_commands'), 'granted_commands', (v, p) => this.grant(v, p))
          : [],
        metadata: this.valueMap(s.get('metadata'), 'metadata'),
      },
      s.extra,
    );
  }

  private history(value: JsonValue | undefined, path: string): ConversationHistory {
    const s = this.struct(value, path, 'ConversationHistory', {
      turns: 'required',
      compacted: 'required',
      max_turns: 'default',
    });
    return withExtra(
      {
        turns: this.list(s.get('turns'), `${path}.turns`, (v, p) => this.turn(v, p)),
        compacted: this.list(s.get('compacted'), `${path}.compacted`, (v, p) => this.compacted(v, p)),
        max_turns: s.has('max_turns')
          ? this.unsigned(s.get('max_turns'), `${path}.max_turns`, U64, 'usize')
          : 1000n,
      },
      s.extra,
    );
  }

  private turn(value: JsonValue, path: string): ConversationTurn {
    const s = this.struct(value, path, 'ConversationTurn', {
      id: 'required',
      timestamp_ms: 'required',
      role: 'required',
      content: 'required',
      tool_calls: 'required',
      tags: 'required',
      metadata: 'required',
    });
    return withExtra(
      {
        id: this.string(s.get('id'), `${path}.id`),
        timestamp_ms: this.unsigned(s.get('timestamp_ms'), `${path}.timestamp_ms`, U64, 'u64'),
        role: this.string(s.get('role'), `${path}.role`),
        content: this.string(s.get('content'), `${path}.content`),
        tool_calls: this.list(s.get('tool_calls'), `${path}.tool_calls`, (v, p) => this.toolCall(v, p)),
        tags: this.strings(s.get('tags'), `${path}.tags`),
        metadata: this.valueMap(s.get('metadata'), `${path}.metadata`),
      },
      s.extra,
    );
  }

  private toolCall(value: JsonValue, path: string): ToolCallRecord {
    const s = this.struct(value, path, 'ToolCallRecord', {
      tool_name: 'required',
      args: 'required',
      result: 'optional',
      success: 'required',
      duration_ms: 'required',
    });
    return withExtra(
      {
        tool_name: this.string(s.get('tool_name'), `${path}.tool_name`),
        args: this.serdeValue(s.get('args'), `${path}.args`),
        result: s.has('result') ? this.serdeValue(s.get('result'), `${path}.result`) : null,
        success: this.bool(s.get('success'), `${path}.success`),
        duration_ms: this.unsigned(s.get('duration_ms'), `${path}.duration_ms`, U64, 'u64'),
      },
      s.extra,
    );
  }

  private compacted(value: JsonValue, path: string): CompactedTurn {
    const s = this.struct(value, path, 'CompactedTurn', {
      summary: 'required',
      turn_count: 'required',
      start_time_ms: 'required',
      end_time_ms: 'required',
    });
    return withExtra(
      {
        summary: this.string(s.get('summary'), `${path}.summary`),
        turn_count: this.unsigned(s.get('turn_count'), `${path}.turn_count`, U64, 'usize'),
        start_time_ms: this.unsigned(s.get('start_time_ms'), `${path}.start_time_ms`, U64, 'u64'),
        end_time_ms: this.unsigned(s.get('end_time_ms'), `${path}.end_time_ms`, U64, 'u64'),
      },
      s.extra,
    );
  }

  private preferences(value: JsonValue | undefined, path: string): UserPreferences {
    const s = this.struct(value, path, 'UserPreferences', {
      coding_style: 'required',
      communication: 'required',
      frequent_tools: 'required',
      custom: 'required',
    });
    const coding = this.struct(s.get('coding_style'), `${path}.coding_style`, 'CodingStylePrefs', {
      preferred_languages: 'required',
      indent: 'optional',
      indent_size: 'optional',
      naming_convention: 'optional',
      comment_style: 'optional',
    });
    const talk = this.struct(s.get('communication'), `${path}.communication`, 'CommunicationPrefs', {
      verbosity: 'optional',
      language: 'optional',
      formality: 'optional',
      include_examples: 'default',
    });
    const c = `${path}.coding_style`;
    const t = `${path}.communication`;
    const indentSize = coding.get('indent_size');
    return withExtra(
      {
        coding_style: withExtra(
          {
            preferred_languages: this.strings(coding.get('preferred_languages'), `${c}.preferred_languages`),
            indent: this.optionalString(coding.get('indent'), `${c}.indent`),
            indent_size:
              indentSize === undefined || indentSize === null
                ? null
                : Number(this.unsigned(indentSize, `${c}.indent_size`, U8, 'u8')),
            naming_convention: this.optionalString(coding.get('naming_convention'), `${c}.naming_convention`),
            comment_style: this.optionalString(coding.get('comment_style'), `${c}.comment_style`),
          },
          coding.extra,
        ),
        communication: withExtra(
          {
            verbosity: this.optionalString(talk.get('verbosity'), `${t}.verbosity`),
            language: this.optionalString(talk.get('language'), `${t}.language`),
            formality: this.optionalString(talk.get('formality'), `${t}.formality`),
            include_examples: talk.has('include_examples')
              ? this.bool(talk.get('include_examples'), `${t}.include_examples`)
              : false,
          },
          talk.extra,
        ),
        frequent_tools: this.strings(s.get('frequent_tools'), `${path}.frequent_tools`),
        custom: this.valueMap(s.get('custom'), `${path}.custom`),
      },
      s.extra,
    );
  }

  private projectContext(value: JsonValue | undefined, path: string): ProjectContext {
    const s = this.struct(value, path, 'ProjectContext', {
      root_path: 'optional',
      name: 'optional',
      technologies: 'required',
      key_files: 'required',
      architecture_notes: 'required',
      learned_facts: 'required',
      persistent_contexts: 'required',
    });
    return withExtra(
      {
        root_path: this.optionalString(s.get('root_path'), `${path}.root_path`),
        name: this.optionalString(s.get('name'), `${path}.name`),
        technologies: this.strings(s.get('technologies'), `${path}.technologies`),
        key_files: this.strings(s.get('key_files'), `${path}.key_files`),
        architecture_notes: this.strings(s.get('architecture_notes'), `${path}.architecture_notes`),
        learned_facts: this.list(s.get('learned_facts'), `${path}.learned_facts`, (v, p) => this.fact(v, p)),
        persistent_contexts: this.list(s.get('persistent_contexts'), `${path}.persistent_contexts`, (v, p) =>
          this.injection(v, p),
        ),
      },
      s.extra,
    );
  }

  private fact(value: JsonValue, path: string): LearnedFact {
    const s = this.struct(value, path, 'LearnedFact', {
      key: 'required',
      value: 'required',
      source: 'required',
      confidence: 'required',
      learned_at_ms: 'required',
    });
    const confidence = s.get('confidence');
    if (!(confidence instanceof JsonNumber)) throw this.wrongType(confidence, `${path}.confidence`, 'an f32');
    return withExtra(
      {
        key: this.string(s.get('key'), `${path}.key`),
        value: this.string(s.get('value'), `${path}.value`),
        source: this.string(s.get('source'), `${path}.source`),
        confidence: this.checked(() => readF32(confidence.text), `${path}.confidence`),
        learned_at_ms: this.unsigned(s.get('learned_at_ms'), `${path}.learned_at_ms`, U64, 'u64'),
      },
      s.extra,
    );
  }

  private injection(value: JsonValue, path: string): ContextInjection {
    const s = this.struct(value, path, 'ContextInjection', {
      id: 'required',
      timing: 'required',
      content: 'required',
    });
    return withExtra(
      {
        id: this.string(s.get('id'), `${path}.id`),
        timing: this.string(s.get('timing'), `${path}.timing`),
        content: this.string(s.get('content'), `${path}.content`),
      },
      s.extra,
    );
  }

  private skillConfig(value: JsonValue, path: string): SkillConfig {
    const s = this.struct(value, path, 'SkillConfig', {
      skill_id: 'required',
      enabled: 'required',
      auto_trigger: 'required',
      params: 'required',
    });
    const auto = this.struct(s.get('auto_trigger'), `${path}.auto_trigger`, 'AutoTriggerConfig', {
      enabled: 'required',
      triggers: 'required',
    });
    return withExtra(
      {
        skill_id: this.string(s.get('skill_id'), `${path}.skill_id`),
        enabled: this.bool(s.get('enabled'), `${path}.enabled`),
        auto_trigger: withExtra(
          {
            enabled: this.bool(auto.get('enabled'), `${path}.auto_trigger.enabled`),
            triggers: this.list(auto.get('triggers'), `${path}.auto_trigger.triggers`, (v) => trigger(v)),
          },
          auto.extra,
        ),
        params: this.valueMap(s.get('params'), `${path}.params`),
      },
      s.extra,
    );
  }

  private snapshot(value: JsonValue, path: string): ComponentSnapshot {
    const s = this.struct(value, path, 'ComponentSnapshot', {
      component_fqn: 'required',
      version: 'required',
      state: 'required',
      metadata: 'required',
    });
    return withExtra(
      {
        component_fqn: this.string(s.get('component_fqn'), `${path}.component_fqn`),
        version: Number(this.unsigned(s.get('version'), `${path}.version`, U32, 'u32')),
        state: this.serdeValue(s.get('state'), `${path}.state`),
        metadata: this.valueMap(s.get('metadata'), `${path}.metadata`),
      },
      s.extra,
    );
  }

  private grant(value: JsonValue, path: string): CommandGrant {
    const s = this.struct(value, path, 'CommandGrant', { pattern: 'required', kind: 'required' });
    return withExtra(
      {
        pattern: this.string(s.get('pattern'), `${path}.pattern`),
        kind: this.string(s.get('kind'), `${path}.kind`),
      },
      s.extra,
    );
  }

  /** Checks a struct's members as serde_derive does, and keeps the ones it does not know. */
  private struct(
    value: JsonValue | undefined,
    path: string,
    typeName: string,
    fields: Record<string, FieldKind>,
  ): { get(key: string): JsonValue | undefined; has(key: string): boolean; extra: Extra } {
    if (!(value instanceof Map)) throw this.wrongType(value, path, `struct ${typeName}`);
    for (const duplicate of this.duplicateKeys.get(value) ?? []) {
      if (Object.hasOwn(fields, duplicate))
        throw new AssetShapeError(`${where(path)}duplicate field \`${duplicate}\``);
    }
    for (const [field, kind] of Object.entries(fields)) {
      if (kind === 'required' && !value.has(field)) {
        throw new AssetShapeError(`${where(path)}missing field \`${field}\``);
      }
    }
    const extra: Extra = [];
    for (const [key, member] of value) if (!Object.hasOwn(fields, key)) extra.push([key, member]);
    return { get: (key) => value.get(key), has: (key) => value.has(key), extra };
  }

  private list<T>(
    value: JsonValue | undefined,
    path: string,
    item: (value: JsonValue, path: string) => T,
  ): T[] {
    if (!Array.isArray(value)) throw this.wrongType(value, path, 'a sequence');
    return value.map((v, i) => item(v, `${path}[${i}]`));
  }

  private map<T>(
    value: JsonValue | undefined,
    path: string,
    item: (value: JsonValue, path: string) => T,
  ): Map<string, T> {
    if (!(value instanceof Map)) throw this.wrongType(value, path, 'a map');
    const out = new Map<string, T>();
    for (const [key, member] of value) out.set(key, item(member, `${path}[${JSON.stringify(key)}]`));
    return out;
  }

  private valueMap(value: JsonValue | undefined, path: string): Map<string, JsonValue> {
    return this.map(value, path, (v, p) => this.serdeValue(v, p));
  }

  /** A `serde_json::Value`: any JSON, but serde rejects numbers it cannot hold. */
  private serdeValue(value: JsonValue | undefined, path: string): JsonValue {
    if (value === undefined) throw new AssetShapeError(`${where(path)}missing value`);
    const stack: JsonValue[] = [value];
    while (stack.length > 0) {
      const v = stack.pop();
      if (v instanceof JsonNumber) this.checked(() => readSerdeNumber(v.text), path);
      else if (Array.isArray(v)) for (const item of v) stack.push(item);
      else if (v instanceof Map) for (const item of v.values()) stack.push(item);
    }
    return value;
  }

  private string(value: JsonValue | undefined, path: string): string {
    if (typeof value !== 'string') throw this.wrongType(value, path, 'a string');
    return value;
  }

  private optionalString(value: JsonValue | undefined, path: string): string | null {
    return value === undefined || value === null ? null : this.string(value, path);
  }

  private strings(value: JsonValue | undefined, path: string): string[] {
    return this.list(value, path, (v, p) => this.string(v, p));
  }

  private bool(value: JsonValue | undefined, path: string): boolean {
    if (typeof value !== 'boolean') throw this.wrongType(value, path, 'a boolean');
    return value;
  }

  private unsigned(value: JsonValue | undefined, path: string, max: bigint, rustType: string): bigint {
    const n = value instanceof JsonNumber ? readUnsigned(value.text, max) : null;
    if (n === null) throw this.wrongType(value, path, rustType);
    return n;
  }

  private checked<T>(read: () => T, path: string): T {
    try {
      return read();
    } catch (error) {
      if (error instanceof NumberOutOfRangeError) throw new AssetShapeError(`${where(path)}${error.message}`);
      throw error;
    }
  }

  private wrongType(value: JsonValue | undefined, path: string, expected: string): AssetShapeError {
    const found = value === undefined ? 'nothing' : describeJson(value);
    return new AssetShapeError(`${where(path)}expected ${expected}, found ${found}`);
  }
}

const where = (path: string): string => (path === '' ? '' : `${path}: `);

function withExtra<T extends object>(fields: T, extra: Extra): T & { extra?: Extra } {
  return extra.length > 0 ? { ...fields, extra } : fields;
}

/**
 * TriggerCondition is externally tagged: unit variants as a bare string (serde also takes
 * `{"Variant": null}`), struct variants as `{"Variant": {fields}}`.
 */
function trigger(value: JsonValue): TriggerCondition {
  if (value === 'OnLLMPreRequest' || value === 'OnLLMPostResponse') return { variant: value };
  if (value instanceof Map && value.size === 1) {
    const [[variant, body]] = [...value] as [[string, JsonValue]];
    if ((variant === 'OnLLMPreRequest' || variant === 'OnLLMPostResponse') && body === null)
      return { variant };
    const only = (key: string): JsonValue | undefined =>
      body instanceof Map && body.size === 1 && body.has(key) ? body.get(key) : undefined;
    const glob = only('glob');
    if (variant === 'OnFileEdit' && typeof glob === 'string') return { variant, glob };
    const kind = only('kind');
    if (variant === 'OnEvent' && typeof kind === 'string') return { variant, kind };
    const seconds = only('seconds');
    const secondsValue = seconds instanceof JsonNumber ? readUnsigned(seconds.text, U64) : null;
    if (variant === 'Interval' && secondsValue !== null) return { variant, seconds: secondsValue };
  }
  return { variant: 'raw', value };
}
