/**
 * Writes the ORCS test fixtures (fixtures/orcs/) and the demo library's ORCS sessions
 * (resources/demo/orcs/), the same bytes every run: no clock, no randomness but a seeded
 * generator. Well-formed sessions go through Sessionscope's serde-compatible serializer, so they
 * are exactly what ORCS would save; the backward-compatible and damaged files are written as text,
 * because ORCS never writes those.
 *
 *   npx tsx scripts/make-orcs-fixtures.ts
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  ComponentSnapshot,
  ConversationTurn,
  LearnedFact,
  SessionAsset,
  SkillConfig,
  ToolCallRecord,
  TriggerCondition,
  UserPreferences,
} from '../src/core/formats/orcs/asset';
import { JsonNumber } from '../src/core/formats/orcs/json';
import type { JsonValue } from '../src/core/formats/orcs/json';
import { serializeAsset } from '../src/core/formats/orcs/serialize';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Deterministic ids, clock and filler

/** A v4-shaped UUID derived from a name, so every run names every session and turn the same. */
function uuid(name: string): string {
  const h = createHash('sha1').update(`sessionscope-fixture:${name}`).digest('hex');
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ms = (iso: string): bigint => BigInt(Date.parse(iso));

/** Plain JS to a serde Value: integers stay integers, `f(1)` is the float `1.0`, bigints stay exact. */
function v(x: unknown): JsonValue {
  if (x === null || typeof x === 'boolean' || typeof x === 'string') return x;
  if (x instanceof JsonNumber) return x;
  if (typeof x === 'number') return new JsonNumber(String(x));
  if (typeof x === 'bigint') return new JsonNumber(x.toString());
  if (Array.isArray(x)) return x.map(v);
  return new Map(Object.entries(x as Record<string, unknown>).map(([k, y]) => [k, v(y)]));
}
const f = (text: string): InstanceType<typeof JsonNumber> => new JsonNumber(text);
const map = (o: Record<string, unknown>): Map<string, JsonValue> =>
  new Map(Object.entries(o).map(([k, y]) => [k, v(y)]));

// ---------------------------------------------------------------------------------------------
// Session builder

interface ToolSpec {
  tool: string;
  args: unknown;
  result?: unknown;
  ok?: boolean;
  ms?: number;
}

interface TurnSpec {
  /** A free string in ORCS; user, assistant and system by convention. */
  role: string;
  text: string;
  /** Seconds after the previous turn. */
  after?: number;
  tools?: ToolSpec[];
  tags?: string[];
  meta?: Record<string, unknown>;
}

interface SessionSpec {
  key: string;
  name?: string | null;
  root?: string | null;
  start: string;
  turns?: TurnSpec[];
  technologies?: string[];
  keyFiles?: string[];
  notes?: string[];
  facts?: [key: string, value: string, source: string, confidence: number][];
  contexts?: [timing: string, content: string][];
  preferences?: (p: UserPreferences) => void;
  skills?: SkillConfig[];
  snapshots?: ComponentSnapshot[];
  grants?: [pattern: string, kind: 'Persistent' | 'OneTime'][];
  metadata?: Record<string, unknown>;
  compacted?: [summary: string, turns: number, startIso: string, endIso: string][];
  maxTurns?: bigint;
}

function turn(key: string, index: number, at: bigint, t: TurnSpec): ConversationTurn {
  return {
    id: uuid(`${key}/turn/${index}`),
    timestamp_ms: at,
    role: t.role,
    content: t.text,
    tool_calls: (t.tools ?? []).map((c): ToolCallRecord => ({
      tool_name: c.tool,
      args: v(c.args),
      result: c.result === undefined ? null : v(c.result),
      success: c.ok ?? true,
      duration_ms: BigInt(c.ms ?? 40),
    })),
    tags: t.tags ?? [],
    metadata: map(t.meta ?? {}),
  };
}

function session(spec: SessionSpec): SessionAsset {
  const start = ms(spec.start);
  let clock = start;
  const turns = (spec.turns ?? []).map((t, i) => {
    clock += BigInt(Math.round((t.after ?? 20) * 1000));
    return turn(spec.key, i, clock, t);
  });
  const learnedAt = clock;
  const preferences: UserPreferences = {
    coding_style: {
      preferred_languages: [],
      indent: null,
      indent_size: null,
      naming_convention: null,
      comment_style: null,
    },
    communication: { verbosity: null, language: null, formality: null, include_examples: false },
    frequent_tools: [],
    custom: new Map(),
  };
  spec.preferences?.(preferences);
  return {
    id: uuid(spec.key),
    version: 1,
    created_at_ms: start,
    updated_at_ms: clock + 1500n,
    history: {
      turns,
      compacted: (spec.compacted ?? []).map(([summary, count, from, to]) => ({
        summary,
        turn_count: BigInt(count),
        start_time_ms: ms(from),
        end_time_ms: ms(to),
      })),
      max_turns: spec.maxTurns ?? 1000n,
    },
    preferences,
    project_context: {
      root_path: spec.root ?? null,
      name: spec.name ?? null,
      technologies: spec.technologies ?? [],
      key_files: spec.keyFiles ?? [],
      architecture_notes: spec.notes ?? [],
      learned_facts: (spec.facts ?? []).map(([key, value, source, confidence], i): LearnedFact => ({
        key,
        value,
        source,
        confidence: Math.fround(confidence),
        learned_at_ms: learnedAt - BigInt((spec.facts?.length ?? 0) - i) * 60_000n,
      })),
      persistent_contexts: (spec.contexts ?? []).map(([timing, content], i) => ({
        id: `ctx-${i + 1}`,
        timing,
        content,
      })),
    },
    skill_configs: new Map((spec.skills ?? []).map((s) => [s.skill_id, s])),
    component_snapshots: new Map((spec.snapshots ?? []).map((s) => [s.component_fqn, s])),
    granted_commands: (spec.grants ?? []).map(([pattern, kind]) => ({ pattern, kind })),
    metadata: map(spec.metadata ?? {}),
  };
}

function skill(
  id: string,
  enabled: boolean,
  triggers: TriggerCondition[],
  params: Record<string, unknown> = {},
): SkillConfig {
  return {
    skill_id: id,
    enabled,
    auto_trigger: { enabled: triggers.length > 0, triggers },
    params: map(params),
  };
}

const onEdit = (glob: string): TriggerCondition => ({ variant: 'OnFileEdit', glob });
const onEvent = (kind: string): TriggerCondition => ({ variant: 'OnEvent', kind });
const every = (seconds: number): TriggerCondition => ({ variant: 'Interval', seconds: BigInt(seconds) });
const preRequest: TriggerCondition = { variant: 'OnLLMPreRequest' };
const postResponse: TriggerCondition = { variant: 'OnLLMPostResponse' };

/** A HilComponent snapshot (orcs-runtime components/hil.rs): resolved approvals only. */
function hil(
  startIso: string,
  approvals: [operation: string, description: string, context: unknown, result: unknown][],
): ComponentSnapshot {
  const start = ms(startIso);
  return {
    component_fqn: 'builtin::hil',
    version: 1,
    state: v({
      resolved: approvals.map(([operation, description, context, result], i) => ({
        id: uuid(`hil/${startIso}/${i}`),
        request: {
          id: uuid(`hil/${startIso}/${i}`),
          operation,
          description,
          context,
          created_at_ms: start + BigInt(i) * 45_000n,
        },
        result,
      })),
    }),
    metadata: map({ snapshot_at_ms: start + BigInt(approvals.length) * 45_000n + 5_000n }),
  };
}

const fullPreferences =
  (languages: string[], extra: Record<string, unknown> = {}) =>
  (p: UserPreferences): void => {
    p.coding_style = {
      preferred_languages: languages,
      indent: 'spaces',
      indent_size: 4,
      naming_convention: 'snake_case',
      comment_style: 'doc comments on public items',
    };
    p.communication = { verbosity: 'concise', language: 'en', formality: 'casual', include_examples: true };
    p.frequent_tools = ['read_file', 'grep', 'edit_file', 'bash'];
    p.custom = map({ review_before_commit: true, max_diff_lines: 400, ...extra });
  };

// ---------------------------------------------------------------------------------------------
// Text written as-is: shapes ORCS accepts but no longer writes, and files it cannot read

function compact(text: string): string {
  return JSON.stringify(JSON.parse(text) as unknown, null, 2);
}

const LOADER_TEST_JSON = `{
            "id": "test-id",
            "version": 1,
            "created_at_ms": 0,
            "updated_at_ms": 0,
            "history": { "turns": [], "compacted": [], "max_turns": 1000 },
            "preferences": {
                "coding_style": { "preferred_languages": [] },
                "communication": {},
                "frequent_tools": [],
                "custom": {}
            },
            "project_context": {
                "technologies": [],
                "key_files": [],
                "architecture_notes": [],
                "learned_facts": [],
                "persistent_contexts": []
            },
            "skill_configs": {},
            "component_snapshots": {},
            "metadata": {}
        }`;

/** Drops members from a serialized asset, the way an older ORCS would have written it. */
function without(asset: SessionAsset, drop: (o: Record<string, unknown>) => void): string {
  const plain = JSON.parse(serializeAsset(asset)) as Record<string, unknown>;
  drop(plain);
  // JSON.stringify writes `1.0` as `1`: fine here, serde reads an integer into f32 too.
  return JSON.stringify(plain, null, 2);
}

// ---------------------------------------------------------------------------------------------
// The fixtures

const CARGO_ROOT = '/home/mika/src/ledgerline';

const rustRefactor = session({
  key: 'rust-cli-refactor',
  name: 'ledgerline: typed errors for import',
  root: CARGO_ROOT,
  start: '2026-02-03T09:12:00Z',
  technologies: ['rust', 'clap', 'thiserror', 'sqlite'],
  keyFiles: ['src/main.rs', 'src/import/mod.rs', 'src/import/csv.rs', 'src/error.rs'],
  notes: [
    'Importers return ImportError; main maps it to exit codes',
    'SQLite access goes through db::Pool only',
  ],
  facts: [
    ['test_command', 'cargo test --all-features', 'observed', 1.0],
    ['error_crate', 'thiserror 2.x', 'file:Cargo.toml', 0.95],
    ['csv_dialect', 'bank exports use ; as separator', 'user', 0.9],
    ['msrv', '1.79', 'inferred', 0.6],
  ],
  preferences: fullPreferences(['rust', 'sql']),
  skills: [
    skill('cargo-check', true, [onEdit('**/*.rs'), every(900)], {
      args: ['--all-targets'],
      deny_warnings: true,
    }),
    skill('commit-message', true, [onEvent('git.pre_commit')], { style: 'conventional' }),
  ],
  grants: [
    ['cargo test', 'Persistent'],
    ['cargo clippy', 'Persistent'],
    ['git commit', 'OneTime'],
  ],
  snapshots: [
    hil('2026-02-03T09:20:00Z', [
      [
        'bash',
        'Run `cargo test --all-features`',
        { command: 'cargo test --all-features', cwd: CARGO_ROOT },
        'Approved',
      ],
      ['write', 'Write src/error.rs', { path: 'src/error.rs', bytes: 1312 }, 'Approved'],
      ['bash', 'Run `git commit -am "refactor: typed import errors"`', { command: 'git commit' }, 'Approved'],
    ]),
  ],
  metadata: { client: 'orcs-cli 0.1.1', model: 'claude-sonnet-4-5', total_tokens: 48211 },
  turns: [
    {
      role: 'user',
      text: 'The CSV importer panics on a bad row and the whole import dies. Can you replace the unwraps in src/import with a proper error type? Keep the CLI output readable.',
    },
    {
      role: 'assistant',
      text: "I'll look at how errors flow through the importer first.",
      after: 6,
      tools: [
        {
          tool: 'grep',
          args: { pattern: '\\.unwrap\\(\\)|expect\\(', path: 'src/import' },
          result: {
            matches: [
              {
                file: 'src/import/csv.rs',
                line: 41,
                text: '    let amount: i64 = fields[2].parse().unwrap();',
              },
              {
                file: 'src/import/csv.rs',
                line: 47,
                text: '    let date = NaiveDate::parse_from_str(fields[0], "%d.%m.%Y").unwrap();',
              },
              {
                file: 'src/import/mod.rs',
                line: 18,
                text: '    let file = File::open(path).expect("open input");',
              },
            ],
            truncated: false,
          },
          ms: 31,
        },
        {
          tool: 'read_file',
          args: { path: 'src/import/csv.rs', start_line: 30, end_line: 60 },
          result:
            "pub fn parse_row(line: &str) -> Transaction {\n    let fields: Vec<&str> = line.split(';').collect();\n    let amount: i64 = fields[2].parse().unwrap();\n    // ...\n}",
          ms: 4,
        },
      ],
    },
    {
      role: 'assistant',
      text: 'Three panics: two in `parse_row` (amount and date), one when opening the file. I propose an `ImportError` enum with `thiserror`:\n\n```rust\n#[derive(Debug, thiserror::Error)]\npub enum ImportError {\n    #[error("cannot open {path}: {source}")]\n    Open { path: PathBuf, source: std::io::Error },\n    #[error("line {line}: bad amount {value:?}")]\n    Amount { line: usize, value: String },\n    #[error("line {line}: bad date {value:?}")]\n    Date { line: usize, value: String },\n}\n```\n\n`parse_row` would return `Result<Transaction, ImportError>` and the importer would collect bad rows instead of stopping. OK?',
      after: 14,
    },
    {
      role: 'user',
      text: 'Yes, but skip bad rows and print a summary at the end instead of failing.',
      after: 40,
    },
    {
      role: 'assistant',
      text: 'Writing `src/error.rs` and updating the importer.',
      after: 8,
      tools: [
        {
          tool: 'edit_file',
          args: { path: 'src/error.rs', create: true, content_bytes: 1312 },
          result: { status: 'created', path: 'src/error.rs' },
          ms: 12,
        },
        {
          tool: 'edit_file',
          args: {
            path: 'src/import/csv.rs',
            old: 'let amount: i64 = fields[2].parse().unwrap();',
            new: 'let amount: i64 = fields[2].parse().map_err(|_| ImportError::Amount { line, value: fields[2].into() })?;',
          },
          result: { status: 'patched', hunks: 1 },
          ms: 9,
        },
        {
          tool: 'bash',
          args: { command: 'cargo test --all-features', timeout_s: 300 },
          result: {
            exit_code: 101,
            stdout:
              'running 14 tests\n...\ntest import::csv::tests::rejects_bad_amount ... FAILED\n\nfailures:\n    import::csv::tests::rejects_bad_amount\n\ntest result: FAILED. 13 passed; 1 failed',
            stderr:
              "thread 'import::csv::tests::rejects_bad_amount' panicked at src/import/csv.rs:88:9:\nexpected Err, got Ok(Transaction { amount: 0, .. })",
          },
          ok: false,
          ms: 18734,
        },
      ],
    },
    {
      role: 'assistant',
      text: 'One test fails: `rejects_bad_amount` feeds `"12,50"` and expects an error, but the bank format uses a comma as the decimal separator, so the new code parses it as 0 after my `replace`. I had normalised the separator in the wrong place. Fixing that.',
      after: 3,
      tools: [
        {
          tool: 'edit_file',
          args: {
            path: 'src/import/csv.rs',
            old: 'fields[2].replace(\',\', "")',
            new: 'fields[2].replacen(\',\', ".", 1)',
          },
          result: { status: 'patched', hunks: 1 },
          ms: 7,
        },
        {
          tool: 'bash',
          args: { command: 'cargo test --all-features', timeout_s: 300 },
          result: {
            exit_code: 0,
            stdout: 'running 14 tests\n..............\ntest result: ok. 14 passed; 0 failed',
            stderr: '',
          },
          ms: 16212,
        },
      ],
    },
    {
      role: 'assistant',
      text: 'All 14 tests pass. Bad rows are now collected and reported like this:\n\n```\nimported 1,204 transactions, skipped 3:\n  line 88: bad amount "12,5O"\n  line 301: bad date "31.02.2025"\n  line 977: bad date ""\n```',
      after: 5,
    },
    { role: 'user', text: 'Great. Commit it.', after: 25 },
    {
      role: 'assistant',
      text: 'Committed as `refactor(import): typed errors, skip bad rows`.',
      after: 4,
      tools: [
        {
          tool: 'bash',
          args: { command: 'git commit -am "refactor(import): typed errors, skip bad rows"' },
          result: {
            exit_code: 0,
            stdout:
              '[main 4e1f0c2] refactor(import): typed errors, skip bad rows\n 3 files changed, 71 insertions(+), 12 deletions(-)',
            stderr: '',
          },
          ms: 120,
        },
      ],
    },
  ],
});

const tsBugfix = session({
  key: 'ts-api-bugfix',
  name: 'billing-api: fix double charge on retry',
  root: '/Users/ana/work/billing-api',
  start: '2026-02-10T14:02:00Z',
  technologies: ['typescript', 'node', 'express', 'postgres', 'vitest'],
  keyFiles: ['src/routes/charge.ts', 'src/db/payments.ts', 'test/charge.test.ts'],
  facts: [['idempotency_header', 'Idempotency-Key', 'file:src/routes/charge.ts', 1.0]],
  preferences: (p) => {
    p.coding_style.preferred_languages = ['typescript'];
    p.coding_style.indent = 'spaces';
    p.coding_style.indent_size = 2;
    p.coding_style.naming_convention = 'camelCase';
    p.communication.verbosity = 'balanced';
  },
  turns: [
    {
      role: 'user',
      text: 'Customers get charged twice when the mobile app retries POST /charge after a timeout. Find out why.',
    },
    {
      role: 'assistant',
      text: 'Checking how the route handles the idempotency key.',
      tools: [
        {
          tool: 'read_file',
          args: { path: 'src/routes/charge.ts' },
          result:
            "router.post('/charge', async (req, res) => {\n  const key = req.header('Idempotency-Key');\n  const existing = await payments.findByKey(key);\n  if (existing) return res.json(existing);\n  const charge = await stripe.charges.create(req.body);\n  await payments.insert({ key, charge });\n  res.json(charge);\n});",
          ms: 3,
        },
      ],
    },
    {
      role: 'assistant',
      text: 'Race: two requests with the same key both miss `findByKey` before either inserts, so both call the payment provider. The insert happens after the charge. The fix is to reserve the key first with a unique constraint, then charge.',
      after: 9,
    },
    {
      role: 'assistant',
      text: 'Adding a failing test that fires two concurrent requests.',
      tools: [
        {
          tool: 'edit_file',
          args: { path: 'test/charge.test.ts', append: true },
          result: { status: 'patched', hunks: 1 },
          ms: 6,
        },
        {
          tool: 'bash',
          args: { command: 'npx vitest run test/charge.test.ts' },
          result:
            'FAIL test/charge.test.ts > charges once for concurrent retries\nAssertionError: expected 2 to be 1 // Object.is equality',
          ok: false,
          ms: 4210,
        },
      ],
    },
    {
      role: 'assistant',
      text: "Reserving the key with `INSERT ... ON CONFLICT DO NOTHING RETURNING id` before charging; a request that loses the race waits for the winner's result.",
      tools: [
        {
          tool: 'edit_file',
          args: { path: 'src/db/payments.ts' },
          result: { status: 'patched', hunks: 2 },
          ms: 8,
        },
        {
          tool: 'edit_file',
          args: { path: 'src/routes/charge.ts' },
          result: { status: 'patched', hunks: 1 },
          ms: 5,
        },
        {
          tool: 'bash',
          args: { command: 'npx vitest run' },
          result: { exit_code: 0, stdout: 'Test Files  12 passed (12)\n     Tests  87 passed (87)' },
          ms: 9800,
        },
      ],
    },
    { role: 'user', text: 'Nice catch, thanks!', after: 60 },
  ],
});

const pythonPipeline = session({
  key: 'python-data-pipeline',
  name: 'weather ETL: null handling',
  root: '/srv/etl/weather',
  start: '2026-01-21T08:00:00Z',
  technologies: ['python', 'pandas', 'airflow'],
  turns: [
    {
      role: 'user',
      text: 'The nightly DAG fails on stations that report no humidity. Make the transform tolerate nulls.',
    },
    {
      role: 'assistant',
      text: 'Looking at the failing task log and the transform.',
      tools: [
        {
          tool: 'bash',
          args: { command: 'airflow tasks logs weather_etl transform 2026-01-20' },
          result:
            'ValueError: cannot convert float NaN to integer\n  File "dags/transform.py", line 58, in to_row',
          ok: true,
          ms: 2300,
        },
        {
          tool: 'read_file',
          args: { path: 'dags/transform.py', start_line: 50, end_line: 65 },
          result: null,
          ok: false,
          ms: 2,
        },
      ],
    },
    {
      role: 'assistant',
      text: 'The read failed (the path is `dags/weather/transform.py`). Retrying.',
      tools: [
        {
          tool: 'read_file',
          args: { path: 'dags/weather/transform.py', start_line: 50, end_line: 65 },
          result: '    humidity = int(row["humidity"])',
          ms: 3,
        },
      ],
    },
    {
      role: 'assistant',
      text: "Using pandas' nullable `Int64` dtype keeps missing humidity as `<NA>` instead of crashing, and the loader writes NULL.",
      tools: [
        {
          tool: 'edit_file',
          args: { path: 'dags/weather/transform.py' },
          result: { status: 'patched' },
          ms: 4,
        },
        {
          tool: 'bash',
          args: { command: 'pytest -q tests/test_transform.py' },
          result: { exit_code: 0, passed: 9, failed: 0, seconds: 1.42 },
          ms: 3100,
        },
      ],
    },
  ],
  facts: [['null_policy', 'missing sensor values are stored as NULL, never 0', 'user', 1.0]],
});

const cjk = session({
  key: 'unicode-cjk',
  name: '在庫管理API — 日本語と中文のテスト',
  root: '/home/田中/プロジェクト/在庫',
  start: '2026-02-14T01:30:00Z',
  technologies: ['go', '中文文档'],
  turns: [
    { role: 'user', text: '在庫の数がマイナスになるバグを直してください。エラーメッセージは日本語で。' },
    {
      role: 'assistant',
      text: '了解しました。`inventory/stock.go` の減算処理を確認します。',
      tools: [
        {
          tool: 'read_file',
          args: { path: 'inventory/stock.go' },
          result: 'func (s *Stock) Take(n int) { s.Count -= n } // 在庫チェックなし',
          ms: 3,
        },
      ],
    },
    {
      role: 'assistant',
      text: '在庫チェックがありません。修正案：\n\n```go\nif n > s.Count {\n    return fmt.Errorf("在庫不足です（残り%d個、要求%d個）", s.Count, n)\n}\n```',
    },
    { role: 'user', text: '很好！也请把注释改成中文。谢谢。' },
    { role: 'assistant', text: '好的，已将注释改为中文：`// 检查库存是否足够`。' },
  ],
  facts: [['エラーメッセージ', '日本語で書く', 'user', 1.0]],
});

const emoji = session({
  key: 'unicode-emoji',
  name: '🚀 launch checklist 👩🏽‍💻🇯🇵',
  root: '/Users/sam/launch',
  start: '2026-02-15T18:00:00Z',
  turns: [
    {
      role: 'user',
      text: 'Turn the launch checklist into a README section with emoji status markers ✅❌⏳ please 🙏',
    },
    {
      role: 'assistant',
      text: '## Launch checklist\n\n- ✅ DNS switched\n- ✅ TLS certs 🔒\n- ⏳ Load test (👩🏽‍💻 Priya)\n- ❌ Rollback plan 🧯\n- 🏳️‍🌈 Pride-month banner off\n- 🇯🇵 Japanese copy reviewed\n\nFamily emoji test: 👨‍👩‍👧‍👦 and a lone regional indicator 🇦.',
    },
  ],
  metadata: { mood: '🎉', reactions: { '👍': 3, '🔥': 1 } },
});

const rtl = session({
  key: 'unicode-rtl',
  name: 'מערכת הזמנות — نظام الحجز',
  root: '/home/dana/booking',
  start: '2026-02-16T07:45:00Z',
  turns: [
    {
      role: 'user',
      text: 'תרגם את הודעות השגיאה לעברית ולערבית. Keep the placeholders {date} and {seats} as they are.',
    },
    {
      role: 'assistant',
      text: 'he: "אין מקומות פנויים בתאריך {date} (התבקשו {seats})"\nar: "لا توجد مقاعد متاحة في {date} (المطلوب {seats})"\n\nMixed direction check: the order ID ‏#A-1042‏ stays left-to-right inside RTL text.',
    },
    { role: 'user', text: 'شكرا! ממש טוב.' },
  ],
  preferences: (p) => {
    p.communication.language = 'he';
  },
});

/** Several MB of a realistic build log in one tool result, plus the turn's text. */
function hugeLog(): string {
  const rand = seeded(7);
  const crates = [
    'serde',
    'tokio',
    'hyper',
    'rustls',
    'tracing',
    'regex',
    'sqlx',
    'axum',
    'tower',
    'bytes',
    'mio',
  ];
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < 3_600_000; i++) {
    const crate = crates[Math.floor(rand() * crates.length)] ?? 'serde';
    const line =
      i % 97 === 0
        ? `warning: unused variable: \`tmp${i}\` --> src/gen/part_${i}.rs:${Math.floor(rand() * 900) + 1}:13`
        : `   Compiling ${crate} v1.${Math.floor(rand() * 40)}.${Math.floor(rand() * 9)} (registry+https://github.com/rust-lang/crates.io-index) [${(rand() * 9).toFixed(2)}s]`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

const hugeTurnLog = hugeLog();
const hugeTurn = session({
  key: 'huge-turn',
  name: 'monorepo: why is the release build slow',
  root: '/work/monorepo',
  start: '2026-02-05T11:00:00Z',
  technologies: ['rust', 'cargo'],
  turns: [
    { role: 'user', text: 'Here is the full verbose build log. Why does the release build take 40 minutes?' },
    {
      role: 'tool',
      text: hugeTurnLog,
      tags: ['build-log', 'large'],
      meta: { bytes: hugeTurnLog.length, source: 'cargo build --release -vv' },
    },
    {
      role: 'assistant',
      text: 'Most of the time goes to generated code under src/gen: thousands of tiny modules each compiled with full LTO. Turning on `codegen-units = 16` for the gen crate and thin LTO should cut it to roughly a quarter.',
      tools: [
        {
          tool: 'bash',
          args: { command: 'cargo build --release --timings' },
          result: { exit_code: 0, wall_s: 611.2, units: 1387 },
          ms: 611200,
        },
      ],
    },
  ],
});

function longHistory(): SessionAsset {
  const topics = [
    'parser',
    'lexer',
    'type checker',
    'codegen',
    'optimizer',
    'linker script',
    'test runner',
    'CLI flags',
  ];
  const turns: TurnSpec[] = [];
  for (let i = 0; i < 1200; i++) {
    const topic = topics[i % topics.length] ?? 'parser';
    turns.push(
      i % 2 === 0
        ? { role: 'user', text: `Step ${i / 2 + 1}: next change to the ${topic}?`, after: 30 }
        : {
            role: 'assistant',
            text: `Change ${(i + 1) / 2} to the ${topic}: small, tested, committed.`,
            after: 12,
            tags: i % 50 === 1 ? ['milestone'] : [],
            tools:
              i % 10 === 1
                ? [
                    {
                      tool: 'bash',
                      args: { command: 'make test' },
                      result: { exit_code: i % 40 === 1 ? 2 : 0 },
                      ok: i % 40 !== 1,
                      ms: 900 + (i % 7) * 100,
                    },
                  ]
                : [],
          },
    );
  }
  return session({
    key: 'long-history',
    name: 'toy compiler: 600 small steps',
    root: '/home/lee/toyc',
    start: '2026-01-05T08:00:00Z',
    technologies: ['c', 'make'],
    turns,
    compacted: [
      [
        'Set up the repo, Makefile and a hello-world backend.',
        120,
        '2026-01-02T08:00:00Z',
        '2026-01-02T12:30:00Z',
      ],
      [
        'Wrote the lexer and its tests; fixed UTF-8 identifiers.',
        240,
        '2026-01-03T08:00:00Z',
        '2026-01-04T17:10:00Z',
      ],
    ],
    maxTurns: 1200n,
  });
}

const everyTrigger = session({
  key: 'every-trigger',
  name: 'skills: every trigger kind',
  root: '/home/mika/src/ledgerline',
  start: '2026-02-20T10:00:00Z',
  skills: [
    skill('format-on-save', true, [onEdit('**/*.{ts,tsx}'), onEdit('*.md')], {
      tool: 'prettier',
      write: true,
    }),
    skill('context-injector', true, [preRequest], { max_tokens: 2000 }),
    skill('answer-checker', true, [postResponse], { strict: false }),
    skill('release-notes', true, [onEvent('git.tag'), onEvent('ci.passed')], {}),
    skill('heartbeat', true, [every(60), every(86400)], { url: 'https://status.example.com/ping' }),
    skill('everything', false, [onEdit('src/**'), preRequest, postResponse, onEvent('any'), every(3600)], {}),
    skill(
      'future-trigger',
      true,
      [
        { variant: 'raw', value: v({ OnSchedule: { cron: '0 9 * * 1-5' } }) },
        { variant: 'raw', value: 'OnIdle' },
      ],
      {},
    ),
  ],
  turns: [{ role: 'user', text: 'List my skills and what fires them.' }],
});

const metadataTypes = session({
  key: 'metadata-types',
  name: 'metadata: every JSON value type',
  root: '/tmp/metadata',
  start: '2026-02-21T10:00:00Z',
  metadata: {
    null_value: null,
    true_value: true,
    false_value: false,
    int: 42,
    negative: -17,
    zero: 0,
    big_int: 9007199254740993n,
    u64_max: 18446744073709551615n,
    i64_min: -9223372036854775808n,
    float: f('3.14159'),
    float_integral: f('100.0'),
    float_tiny: f('1e-7'),
    float_huge: f('6.02214076e+23'),
    negative_zero: f('-0.0'),
    string: 'plain text',
    empty_string: '',
    array: [1, 'two', f('3.0'), null, true, [], {}],
    object: { nested: { deeper: { deepest: 'yes' } }, list: [{ a: 1 }, { b: 2 }] },
    empty_array: [],
    empty_object: {},
  },
  turns: [
    {
      role: 'assistant',
      text: 'Turn metadata carries values too.',
      meta: { tokens: { input: 1200, output: 310 }, cached: true, temperature: f('0.2'), stop: null },
    },
  ],
});

const toolCalls = session({
  key: 'tool-calls',
  name: 'tool calls: success, failure, every result shape',
  root: '/home/mika/src/ledgerline',
  start: '2026-02-22T09:00:00Z',
  turns: [
    { role: 'user', text: 'Check the repo state and run the linters.' },
    {
      role: 'assistant',
      text: 'Running the usual checks.',
      tools: [
        {
          tool: 'bash',
          args: { command: 'git status --porcelain' },
          result: ' M src/main.rs\n?? notes.md',
          ms: 35,
        },
        {
          tool: 'bash',
          args: { command: 'cargo clippy -- -D warnings' },
          result: { exit_code: 1, stderr: 'error: this `if` has identical blocks' },
          ok: false,
          ms: 14230,
        },
        {
          tool: 'list_dir',
          args: { path: 'src', depth: 1 },
          result: ['main.rs', 'error.rs', 'import/', 'db/'],
          ms: 2,
        },
        { tool: 'count_lines', args: { glob: 'src/**/*.rs' }, result: 4182, ms: 60 },
        { tool: 'ping', args: {}, result: true, ms: 0 },
        { tool: 'read_file', args: { path: 'missing.rs' }, result: null, ok: false, ms: 1 },
        {
          tool: 'web_fetch',
          args: 'https://docs.rs/thiserror',
          result: { status: 200, bytes: 48213, title: 'thiserror - Rust' },
          ms: 812,
        },
        { tool: 'noop', args: null, ms: 0 },
        {
          tool: 'timeout_example',
          args: { command: 'sleep 600' },
          result: 'killed after 300 s',
          ok: false,
          ms: 300000,
        },
      ],
    },
    { role: 'assistant', text: 'Clippy found one real issue; the rest is clean.' },
  ],
});

const compacted = session({
  key: 'compacted',
  name: 'infra: migrate CI to self-hosted runners',
  root: '/home/ops/ci',
  start: '2026-02-12T08:00:00Z',
  maxTurns: 50n,
  compacted: [
    [
      'Inventoried the 14 GitHub Actions workflows; 9 need Docker-in-Docker.',
      38,
      '2026-02-10T08:00:00Z',
      '2026-02-10T16:20:00Z',
    ],
    [
      'Set up two runner VMs with Terraform; tagged them `self-hosted,linux,x64`.',
      44,
      '2026-02-11T08:05:00Z',
      '2026-02-11T15:00:00Z',
    ],
    [
      'Moved the build and test workflows; cache hit rate went from 20% to 85%.',
      50,
      '2026-02-11T15:10:00Z',
      '2026-02-12T07:30:00Z',
    ],
  ],
  turns: [
    { role: 'user', text: 'Where were we? Only the release workflow left, right?' },
    {
      role: 'assistant',
      text: 'Yes. Release still runs on `ubuntu-latest` because it needs the signing key from the hosted secret store.',
    },
  ],
});

const learnedFacts = session({
  key: 'learned-facts',
  name: 'facts with every kind of confidence',
  root: '/home/mika/src/ledgerline',
  start: '2026-02-23T09:00:00Z',
  facts: [
    ['package_manager', 'cargo', 'observed', 1.0],
    ['db', 'postgres 16', 'user', 1.0],
    ['deploy', 'fly.io, region fra', 'file:fly.toml', 0.95],
    ['owner', 'probably the payments team', 'inferred', 0.5],
    ['flaky_test', 'import::csv::tests::big_file times out on CI', 'observed', 1 / 3],
    ['license', 'MIT or Apache-2.0', 'inferred', 0.1],
    ['abandoned_idea', 'switch to diesel', 'user', 0.0],
    ['tiny', 'a confidence below the fixed-notation window', 'inferred', 1e-7],
  ],
  turns: [{ role: 'user', text: 'What do you know about this project?' }],
});

const preferencesFull = session({
  key: 'preferences-full',
  name: 'preferences: everything set',
  root: '/home/mika/src/ledgerline',
  start: '2026-02-24T09:00:00Z',
  preferences: fullPreferences(['rust', 'typescript', 'sql'], {
    theme: 'solarized',
    review: { require_tests: true, max_files: 12 },
    ignored_paths: ['target/', 'node_modules/'],
    temperature: f('0.2'),
  }),
  contexts: [
    ['always', 'Never run migrations against production.'],
    ['on_request', 'The staging database is reset every Sunday.'],
  ],
  turns: [{ role: 'user', text: 'Remember: concise answers, and always show the test command.' }],
});

const hilSnapshot = session({
  key: 'hil-snapshot',
  name: 'approvals: approved, rejected, modified',
  root: '/srv/app',
  start: '2026-02-25T09:00:00Z',
  snapshots: [
    hil('2026-02-25T09:01:00Z', [
      [
        'bash',
        'Run `rm -rf target/`',
        { command: 'rm -rf target/' },
        { Rejected: { reason: 'keep the build cache' } },
      ],
      ['write', 'Write src/lib.rs', { path: 'src/lib.rs' }, 'Approved'],
      [
        'write',
        'Write config/prod.toml',
        { path: 'config/prod.toml' },
        { Modified: { modified_payload: { path: 'config/staging.toml' } } },
      ],
      ['bash', 'Run `curl | sh`', null, { Rejected: { reason: null } }],
    ]),
    {
      component_fqn: 'builtin::tools',
      version: 1,
      state: v({ recent: ['read_file', 'bash'], counters: { read_file: 31, bash: 12 } }),
      metadata: map({}),
    },
  ],
  grants: [
    ['cargo build', 'Persistent'],
    ['rm -rf target/debug', 'OneTime'],
  ],
});

/** What ORCS at HEAD actually writes: nothing adds turns yet, so only snapshots and grants. */
const snapshotsOnly = session({
  key: 'snapshots-only',
  start: '2026-03-01T12:00:00Z',
  snapshots: [hil('2026-03-01T12:00:30Z', [['bash', 'Run `ls -la`', { command: 'ls -la' }, 'Approved']])],
  grants: [
    ['ls', 'Persistent'],
    ['git status', 'Persistent'],
    ['npm publish', 'OneTime'],
  ],
});

const emptyNew = session({ key: 'empty-new', start: '2026-03-02T08:00:00Z' });

const untitled = session({
  key: 'untitled-long-first-line',
  root: '/home/mika/scratch',
  start: '2026-02-26T20:00:00Z',
  turns: [
    { role: 'system', text: 'You are a careful coding assistant.' },
    { role: 'user', text: '   \n' },
    {
      role: 'user',
      text: '\n  Please explain, in detail and with examples, how Rust lifetimes interact with async functions that borrow from self across await points\nand what the compiler error E0597 means.',
    },
    { role: 'assistant', text: 'Short version: a future holds its borrows until it completes...' },
  ],
});

const rolesAndTags = session({
  key: 'roles-and-tags',
  name: 'roles: system, user, assistant, tool',
  root: '/w',
  start: '2026-02-27T09:00:00Z',
  turns: [
    { role: 'system', text: 'Project rules: no force pushes; tests before commits.', tags: ['rules'] },
    { role: 'user', text: 'Run the tests.', tags: ['request'] },
    { role: 'tool', text: '14 passed', tags: ['output', 'test'] },
    { role: 'assistant', text: 'All green.', tags: ['summary'] },
    { role: 'Critic', text: 'A free-form role from a plugin.', tags: [] },
  ],
});

const unknownFields = (() => {
  const asset = session({
    key: 'unknown-fields',
    name: 'from a newer ORCS',
    root: '/w',
    start: '2026-03-03T09:00:00Z',
    turns: [{ role: 'assistant', text: 'Done.' }],
  });
  asset.version = 2;
  asset.extra = [['sync', v({ remote: 's3://team/sessions', etag: '"9f2c"', pushed_at_ms: 1772528400000 })]];
  asset.history.extra = [['summary_model', 'small']];
  const first = asset.history.turns[0];
  if (first) first.extra = [['usage', v({ input_tokens: 340, output_tokens: 12 })]];
  asset.project_context.extra = [['vcs', 'git']];
  return asset;
})();

const timestampsEdge = (() => {
  const asset = session({
    key: 'timestamps-edge',
    name: 'timestamps at the edges',
    start: '1970-01-01T00:00:00Z',
    turns: [{ role: 'user', text: 'epoch' }],
  });
  asset.created_at_ms = 0n;
  asset.updated_at_ms = 18446744073709551615n;
  return asset;
})();

const persistentContexts = session({
  key: 'persistent-contexts',
  name: 'context injections',
  root: '/home/ana/work/billing-api',
  start: '2026-02-28T09:00:00Z',
  contexts: [
    ['always', 'This service handles money: every write path needs an idempotency key.'],
    ['on_request', 'Payment provider sandbox keys live in 1Password, vault "billing-dev".'],
    ['on_file_edit', 'Migrations are append-only.'],
  ],
  turns: [{ role: 'user', text: 'Add a refund endpoint.' }],
});

// Backward-compatible shapes, as older ORCS versions wrote them.
const beforeSnapshots = session({
  key: 'backcompat-before-snapshots',
  name: 'written before component_snapshots existed',
  root: '/w/old',
  start: '2026-01-31T10:00:00Z',
  turns: [{ role: 'user', text: 'Hello from January.' }],
});
const beforeGrants = session({
  key: 'backcompat-before-grants',
  name: 'written before granted_commands existed',
  root: '/w/old',
  start: '2026-02-05T10:00:00Z',
  snapshots: [hil('2026-02-05T10:00:10Z', [['bash', 'Run `make`', { command: 'make' }, 'Approved']])],
});
const noMaxTurns = session({
  key: 'backcompat-no-max-turns',
  name: 'no max_turns',
  root: '/w',
  start: '2026-02-06T10:00:00Z',
});
const noRootNoName = session({
  key: 'backcompat-no-root-no-name',
  start: '2026-02-07T10:00:00Z',
  turns: [{ role: 'user', text: 'A session with no project at all.' }],
});

const damagedSource = serializeAsset(rustRefactor);

interface FileOut {
  name: string;
  bytes: string | Uint8Array;
  covers: string;
}

const sessions: [SessionAsset, string][] = [
  [
    rustRefactor,
    'realistic coding session (Rust): grep/read/edit/bash tool calls, a failing then passing test run, facts, full preferences, skills, HIL snapshot, grants',
  ],
  [tsBugfix, 'realistic bug hunt (TypeScript): failing test as a string result, partial preferences'],
  [
    pythonPipeline,
    'realistic (Python): a tool call that fails with a null result, results as objects and strings',
  ],
  [cjk, 'CJK: Japanese and Chinese in name, path, turns, facts'],
  [emoji, 'emoji: ZWJ sequences, skin tones, flags, emoji metadata keys'],
  [rtl, 'right-to-left: Hebrew and Arabic name and turns, mixed direction'],
  [hugeTurn, 'one turn of ~3.6 MB (a build log), for paging and caching'],
  [longHistory(), '1,200 turns, periodic failing tool calls, two compacted spans, max_turns 1200'],
  [
    everyTrigger,
    'every TriggerCondition variant (OnFileEdit, OnLLMPreRequest, OnLLMPostResponse, OnEvent, Interval) plus two unknown ones kept raw',
  ],
  [
    metadataTypes,
    'metadata of every JSON value type: null, bools, ints, big ints (2^53+1, u64::MAX, i64::MIN), floats, -0.0, strings, arrays, objects',
  ],
  [
    toolCalls,
    'tool calls that succeed and fail; args as object/string/null; results as object/string/array/number/bool/null',
  ],
  [compacted, 'three compacted spans and max_turns 50'],
  [learnedFacts, 'learned facts with confidence 1.0, 0.95, 0.5, 1/3, 0.1, 0.0 and 1e-7'],
  [preferencesFull, 'every preference set, custom values, persistent contexts'],
  [
    hilSnapshot,
    'HIL component snapshot (Approved, Rejected with and without reason, Modified) and a second component; Persistent and OneTime grants',
  ],
  [
    snapshotsOnly,
    'what ORCS HEAD really writes: empty history, snapshots and grants, no name (title falls back to the id)',
  ],
  [emptyNew, 'SessionAsset::new(): everything empty, no name, no root'],
  [untitled, 'no name: title from the first non-blank user line, cut to 80 characters'],
  [rolesAndTags, 'system/user/assistant/tool roles and a free-form role, tags'],
  [
    unknownFields,
    'fields ORCS does not know (root, history, turn, project_context) and version 2: must survive a rename',
  ],
  [timestampsEdge, 'created_at_ms 0 and updated_at_ms u64::MAX (outside the Date range)'],
  [persistentContexts, 'persistent context injections with several timings'],
];

const files: FileOut[] = sessions.map(([asset, covers]) => ({
  name: `${asset.id}.json`,
  bytes: serializeAsset(asset),
  covers,
}));

files.push(
  {
    name: `${uuid('backcompat-loader-test')}.json`,
    bytes: LOADER_TEST_JSON,
    covers:
      'backward compatible: the JSON of ORCS test `grants_backward_compat_missing_field` (orcs-runtime src/session/asset.rs @ 9fc2cc1a05e730a5c9d50a4d1905f7ff0e49dcb9), verbatim; its id field ("test-id") differs from the file name',
  },
  {
    name: `${beforeSnapshots.id}.json`,
    bytes: without(beforeSnapshots, (o) => {
      delete o.component_snapshots;
      delete o.granted_commands;
    }),
    covers: 'backward compatible: no component_snapshots and no granted_commands (ORCS before bb68711)',
  },
  {
    name: `${beforeGrants.id}.json`,
    bytes: without(beforeGrants, (o) => {
      delete o.granted_commands;
    }),
    covers: 'backward compatible: snapshots but no granted_commands (ORCS before a9e0987)',
  },
  {
    name: `${noMaxTurns.id}.json`,
    bytes: without(noMaxTurns, (o) => {
      delete (o.history as Record<string, unknown>).max_turns;
    }),
    covers: 'backward compatible: history without max_turns (defaults to 1000)',
  },
  {
    name: `${noRootNoName.id}.json`,
    bytes: without(noRootNoName, (o) => {
      const context = o.project_context as Record<string, unknown>;
      delete context.root_path;
      delete context.name;
      const prefs = o.preferences as Record<string, Record<string, unknown>>;
      prefs.coding_style = { preferred_languages: [] };
      prefs.communication = {};
    }),
    covers:
      'backward compatible: no root_path or name, minimal preferences (only preferred_languages, communication {})',
  },
  {
    name: `${uuid('damaged-truncated')}.json`,
    bytes: damagedSource.slice(0, Math.floor(damagedSource.length * 0.6)),
    covers: 'damaged: a real session cut off at 60% (a crash mid-write by another tool)',
  },
  {
    name: `${uuid('damaged-not-json')}.json`,
    bytes: 'session: rust-cli-refactor\nstatus: draft\n',
    covers: 'damaged: YAML, not JSON',
  },
  {
    name: `${uuid('damaged-wrong-shape')}.json`,
    bytes: compact('{"session_id":"x","messages":[{"role":"user","content":"hi"}]}'),
    covers: 'damaged: valid JSON of another tool (missing field `id`)',
  },
  {
    name: `${uuid('damaged-wrong-type')}.json`,
    bytes: serializeAsset(emptyNew).replace(/"updated_at_ms": \d+/, '"updated_at_ms": "yesterday"'),
    covers: 'damaged: updated_at_ms is a string',
  },
  { name: `${uuid('damaged-empty')}.json`, bytes: '', covers: 'damaged: empty file' },
  {
    name: `${uuid('damaged-bom')}.json`,
    bytes: `\ufeff${serializeAsset(session({ key: 'damaged-bom', name: 'saved by an editor with a BOM', start: '2026-02-09T10:00:00Z' }))}`,
    covers: 'damaged: a UTF-8 byte-order mark before a valid session (serde_json refuses it)',
  },
  {
    name: `${uuid('damaged-invalid-utf8')}.json`,
    bytes: new Uint8Array([...Buffer.from('{"id": "'), 0xc3, 0x28, ...Buffer.from('"}')]),
    covers: 'damaged: not valid UTF-8',
  },
  {
    name: `${uuid('damaged-number-range')}.json`,
    bytes: serializeAsset(emptyNew).replace('"metadata": {}\n}', '"metadata": {\n    "huge": 1e400\n  }\n}'),
    covers: 'damaged: a metadata number serde_json calls out of range (1e400)',
  },
  {
    name: `.${rustRefactor.id}.json.tmp`,
    bytes: damagedSource.slice(0, 1000),
    covers: 'ignored: an ORCS temp file left by a crashed save (dot-file)',
  },
  {
    name: 'notes.txt',
    bytes: 'Not a session; ORCS and Sessionscope skip files that are not .json.\n',
    covers: 'ignored: not .json',
  },
);

// ---------------------------------------------------------------------------------------------
// The demo library: what a first-time user sees

const demoTurns = {
  payments: [
    {
      role: 'user',
      text: 'We need idempotency keys on POST /v1/transfers. Clients retry on timeouts and we have seen duplicate transfers in the ledger.',
    },
    {
      role: 'assistant',
      text: "Let me see how transfers are created today and whether there's already a unique constraint I can lean on.",
      after: 5,
      tools: [
        {
          tool: 'grep',
          args: { pattern: 'func .*CreateTransfer', path: 'internal/' },
          result: {
            matches: [
              { file: 'internal/transfer/service.go', line: 42 },
              { file: 'internal/http/transfers.go', line: 27 },
            ],
          },
          ms: 28,
        },
        {
          tool: 'read_file',
          args: { path: 'internal/transfer/service.go', start_line: 40, end_line: 75 },
          result:
            'func (s *Service) CreateTransfer(ctx context.Context, req CreateRequest) (*Transfer, error) {\n\ttx, err := s.db.BeginTx(ctx, nil)\n\t...\n\tif _, err := tx.ExecContext(ctx, insertTransfer, t.ID, req.From, req.To, req.Amount); err != nil {\n\t\treturn nil, err\n\t}\n\treturn t, tx.Commit()\n}',
          ms: 3,
        },
      ],
    },
    {
      role: 'assistant',
      text: 'Plan:\n\n1. New table `idempotency_keys (key text, client_id uuid, request_hash bytea, response jsonb, created_at timestamptz, primary key (client_id, key))`.\n2. In the handler, `INSERT ... ON CONFLICT DO NOTHING` inside the same transaction as the transfer.\n3. On conflict: same request hash → replay the stored response; different hash → `422 idempotency_key_reused`.\n4. Keys expire after 24 h via a nightly job.\n\nShall I go ahead?',
      after: 18,
    },
    { role: 'user', text: 'Go. Use the existing migration tool (goose).', after: 70 },
    {
      role: 'assistant',
      text: 'Adding the migration, the store and the handler change, with tests.',
      after: 6,
      tools: [
        {
          tool: 'bash',
          args: { command: 'goose -dir migrations create idempotency_keys sql' },
          result: 'Created new file: migrations/20260304101500_idempotency_keys.sql',
          ms: 410,
        },
        {
          tool: 'edit_file',
          args: { path: 'migrations/20260304101500_idempotency_keys.sql' },
          result: { status: 'written', lines: 14 },
          ms: 5,
        },
        {
          tool: 'edit_file',
          args: { path: 'internal/idempotency/store.go', create: true },
          result: { status: 'created', lines: 96 },
          ms: 7,
        },
        {
          tool: 'edit_file',
          args: { path: 'internal/http/transfers.go' },
          result: { status: 'patched', hunks: 3 },
          ms: 6,
        },
        {
          tool: 'bash',
          args: { command: 'go test ./internal/...' },
          result: {
            exit_code: 1,
            stdout:
              '--- FAIL: TestTransfer_ReplaysSameKey (0.04s)\n    transfers_test.go:88: status = 201, want 200 on replay',
          },
          ok: false,
          ms: 6120,
        },
      ],
    },
    {
      role: 'assistant',
      text: 'The replay returns 201 because I stored the response body but not the status. Storing both.',
      after: 4,
      tools: [
        {
          tool: 'edit_file',
          args: { path: 'internal/idempotency/store.go' },
          result: { status: 'patched', hunks: 2 },
          ms: 4,
        },
        {
          tool: 'bash',
          args: { command: 'go test ./internal/...' },
          result: {
            exit_code: 0,
            stdout:
              'ok  \tledger/internal/http\t0.412s\nok  \tledger/internal/idempotency\t0.087s\nok  \tledger/internal/transfer\t0.233s',
          },
          ms: 5890,
        },
      ],
    },
    {
      role: 'assistant',
      text: "Done. Summary:\n\n- `migrations/20260304101500_idempotency_keys.sql`: new table, PK `(client_id, key)`\n- `internal/idempotency/store.go`: `Reserve`, `Complete`, `Replay`\n- `internal/http/transfers.go`: reserves the key in the transfer's transaction\n- 6 new tests, including two concurrent requests with one key\n\nOne follow-up: the nightly cleanup job is not written yet.",
      after: 3,
    },
    { role: 'user', text: 'Write the cleanup as a River periodic job, same repo.', after: 120 },
    {
      role: 'assistant',
      text: 'Added `internal/jobs/expire_idempotency_keys.go`, scheduled daily at 03:00 UTC, deleting keys older than 24 h in batches of 5,000.',
      after: 30,
      tools: [
        {
          tool: 'edit_file',
          args: { path: 'internal/jobs/expire_idempotency_keys.go', create: true },
          result: { status: 'created', lines: 58 },
          ms: 6,
        },
        {
          tool: 'bash',
          args: { command: 'go test ./internal/jobs/...' },
          result: { exit_code: 0, stdout: 'ok  \tledger/internal/jobs\t0.190s' },
          ms: 3020,
        },
      ],
    },
  ],
  docs: [
    {
      role: 'user',
      text: 'Search on the docs site returns nothing for any query with a hyphen, like "rate-limit". Can you look?',
    },
    {
      role: 'assistant',
      text: 'Checking how the search index is built and queried.',
      tools: [
        {
          tool: 'grep',
          args: { pattern: 'tokenize', path: 'site/lib/search' },
          result: {
            matches: [
              { file: 'site/lib/search/index.ts', line: 12 },
              { file: 'site/lib/search/query.ts', line: 8 },
            ],
          },
          ms: 22,
        },
        {
          tool: 'read_file',
          args: { path: 'site/lib/search/query.ts' },
          result:
            'export function tokenize(q: string) {\n  return q.toLowerCase().split(/\\W+/).filter(Boolean);\n}',
          ms: 2,
        },
        {
          tool: 'read_file',
          args: { path: 'site/lib/search/index.ts', start_line: 1, end_line: 30 },
          result: 'const tokenize = (text: string) => text.toLowerCase().split(/\\s+/);',
          ms: 2,
        },
      ],
    },
    {
      role: 'assistant',
      text: "Found it: the **index** splits on whitespace (so it stores `rate-limit` as one token) while the **query** splits on non-word characters (so it looks for `rate` and `limit`). Neither matches the other. I'll share one tokenizer between both and split hyphenated words into parts *and* keep the whole word.",
      after: 12,
    },
    {
      role: 'assistant',
      text: 'Shared tokenizer in `site/lib/search/tokenize.ts`, plus tests, and rebuilt the index.',
      tools: [
        {
          tool: 'edit_file',
          args: { path: 'site/lib/search/tokenize.ts', create: true },
          result: { status: 'created', lines: 24 },
          ms: 5,
        },
        {
          tool: 'edit_file',
          args: { path: 'site/lib/search/index.ts' },
          result: { status: 'patched', hunks: 1 },
          ms: 3,
        },
        {
          tool: 'edit_file',
          args: { path: 'site/lib/search/query.ts' },
          result: { status: 'patched', hunks: 1 },
          ms: 3,
        },
        {
          tool: 'bash',
          args: { command: 'pnpm vitest run lib/search' },
          result: {
            exit_code: 0,
            stdout: ' ✓ lib/search/tokenize.test.ts (7 tests)\n Test Files  1 passed (1)',
          },
          ms: 2410,
        },
        {
          tool: 'bash',
          args: { command: 'pnpm build:search-index' },
          result: 'Indexed 412 pages, 38,911 tokens in 1.8s',
          ms: 2100,
        },
      ],
    },
    { role: 'user', text: 'Confirmed, "rate-limit" finds the page now. Also "rate limit". 👍', after: 300 },
  ],
  ml: [
    {
      role: 'user',
      text: 'Feature extraction takes 50 minutes on the full dataset. Profile it and tell me where the time goes before changing anything.',
    },
    {
      role: 'assistant',
      text: 'Profiling a 2% sample with py-spy.',
      tools: [
        {
          tool: 'bash',
          args: { command: 'py-spy record -o profile.svg -- python -m features.extract --sample 0.02' },
          result: {
            exit_code: 0,
            wall_s: 61.4,
            top: [
              { fn: 'rolling_apply (features/windows.py:88)', pct: 71.2 },
              { fn: 'parse_ts (features/io.py:31)', pct: 14.9 },
              { fn: 'to_parquet', pct: 4.1 },
            ],
          },
          ms: 61400,
        },
      ],
    },
    {
      role: 'assistant',
      text: '71% is `rolling_apply` in `features/windows.py`: it calls a Python lambda per window (`.rolling(24).apply(lambda w: ...)`). Another 15% is parsing timestamps row by row with `datetime.strptime`.\n\nBoth have vectorised replacements:\n- rolling: `.rolling(24).agg(["mean", "std", "max"])` computes the same three stats in C\n- timestamps: `pd.to_datetime(col, format="%Y-%m-%dT%H:%M:%S%z", utc=True)`',
      after: 20,
    },
    { role: 'user', text: 'Do both, and prove the output is identical.', after: 45 },
    {
      role: 'assistant',
      text: 'Changed both, then compared the old and new feature tables on the sample.',
      tools: [
        {
          tool: 'edit_file',
          args: { path: 'features/windows.py' },
          result: { status: 'patched', hunks: 2 },
          ms: 4,
        },
        {
          tool: 'edit_file',
          args: { path: 'features/io.py' },
          result: { status: 'patched', hunks: 1 },
          ms: 3,
        },
        {
          tool: 'bash',
          args: { command: 'python scripts/compare_features.py old.parquet new.parquet --atol 1e-9' },
          result: {
            exit_code: 0,
            rows: 183204,
            columns: 46,
            max_abs_diff: f('3.552713678800501e-15'),
            identical_within_tolerance: true,
          },
          ms: 8400,
        },
        {
          tool: 'bash',
          args: { command: 'time python -m features.extract' },
          result: 'real\t4m12.881s\nuser\t11m3.120s\nsys\t0m21.404s',
          ms: 252881,
        },
      ],
    },
    {
      role: 'assistant',
      text: 'Full run: **50 min → 4 min 13 s**. Output identical within 4e-15 (floating-point summation order).',
      after: 2,
    },
  ],
  android: [
    {
      role: 'user',
      text: 'Crashlytics: the app crashes on launch on Android 14 only. Stack trace attached in the issue #812.',
    },
    {
      role: 'assistant',
      text: 'Reading the issue and the receiver registration.',
      tools: [
        {
          tool: 'web_fetch',
          args: { url: 'https://github.com/acme/fieldnotes-android/issues/812' },
          result: {
            title: 'Crash on launch (Android 14)',
            excerpt:
              "java.lang.SecurityException: com.acme.fieldnotes: One of RECEIVER_EXPORTED or RECEIVER_NOT_EXPORTED should be specified when a receiver isn't being registered exclusively for system broadcasts",
          },
          ms: 640,
        },
        {
          tool: 'grep',
          args: { pattern: 'registerReceiver', path: 'app/src/main' },
          result: {
            matches: [{ file: 'app/src/main/java/com/acme/fieldnotes/sync/SyncService.kt', line: 57 }],
          },
          ms: 19,
        },
      ],
    },
    {
      role: 'assistant',
      text: 'Android 14 (API 34) requires an explicit export flag for context-registered receivers. `SyncService` registers one for our own `SYNC_DONE` broadcast without it. Since only our app sends it, `RECEIVER_NOT_EXPORTED` is right:\n\n```kotlin\nContextCompat.registerReceiver(\n    this, syncDoneReceiver, IntentFilter(ACTION_SYNC_DONE),\n    ContextCompat.RECEIVER_NOT_EXPORTED,\n)\n```',
      after: 15,
    },
    {
      role: 'assistant',
      text: 'Patched and verified on an API 34 emulator.',
      tools: [
        {
          tool: 'edit_file',
          args: { path: 'app/src/main/java/com/acme/fieldnotes/sync/SyncService.kt' },
          result: { status: 'patched', hunks: 1 },
          ms: 5,
        },
        {
          tool: 'bash',
          args: {
            command:
              './gradlew connectedDebugAndroidTest -Pandroid.testInstrumentationRunnerArguments.class=com.acme.fieldnotes.LaunchTest',
          },
          result: {
            exit_code: 0,
            stdout:
              'Pixel_8_API_34(AVD) - 14 Tests 3/3 completed. (0 skipped) (0 failed)\nBUILD SUCCESSFUL in 2m 41s',
          },
          ms: 161000,
        },
      ],
    },
    { role: 'user', text: 'Ship it in 3.8.1.', after: 90 },
  ],
  terraform: [
    {
      role: 'user',
      text: '`terraform plan` on staging wants to replace the RDS instance. Nobody changed it. What happened?',
    },
    {
      role: 'assistant',
      text: 'Running a plan with detailed output for that resource only.',
      tools: [
        {
          tool: 'bash',
          args: { command: 'terraform plan -target=aws_db_instance.main -no-color', cwd: 'envs/staging' },
          result:
            '  # aws_db_instance.main must be replaced\n-/+ resource "aws_db_instance" "main" {\n      ~ engine_version = "16.4" -> "16.1" # forces replacement\n      ...\nPlan: 1 to add, 0 to change, 1 to destroy.',
          ms: 18200,
        },
      ],
    },
    {
      role: 'assistant',
      text: 'AWS auto-upgraded the minor version to 16.4 (auto_minor_version_upgrade is on), but the code pins `engine_version = "16.1"`, so Terraform wants to go *back*, which forces a replacement. Nothing is wrong with the database; the config drifted.\n\nSafest fix: pin only the major version (`engine_version = "16"`) and let AWS manage minors, as the module docs recommend.',
      after: 25,
    },
    { role: 'user', text: 'Agreed. Apply it to staging only.', after: 40 },
    {
      role: 'assistant',
      text: 'Changed and applied. The plan is now a no-op for RDS.',
      tools: [
        {
          tool: 'edit_file',
          args: { path: 'envs/staging/rds.tf' },
          result: { status: 'patched', hunks: 1 },
          ms: 3,
        },
        {
          tool: 'bash',
          args: {
            command: 'terraform apply -target=aws_db_instance.main -auto-approve',
            cwd: 'envs/staging',
          },
          result:
            'aws_db_instance.main: Modifications complete after 3s\n\nApply complete! Resources: 0 added, 1 changed, 0 destroyed.',
          ms: 41200,
        },
        {
          tool: 'bash',
          args: { command: 'terraform plan -detailed-exitcode', cwd: 'envs/staging' },
          result: { exit_code: 0, stdout: 'No changes. Your infrastructure matches the configuration.' },
          ms: 22400,
        },
      ],
    },
  ],
  rustcli: [
    { role: 'user', text: 'Add a `--json` flag to `ledgerline report` so I can pipe it into jq.' },
    {
      role: 'assistant',
      text: 'Looking at the report command and its output types.',
      tools: [
        {
          tool: 'read_file',
          args: { path: 'src/cli/report.rs' },
          result:
            '#[derive(clap::Args)]\npub struct ReportArgs {\n    #[arg(long)]\n    month: Option<String>,\n}',
          ms: 2,
        },
        {
          tool: 'grep',
          args: { pattern: 'struct MonthlyReport', path: 'src' },
          result: { matches: [{ file: 'src/report/mod.rs', line: 14 }] },
          ms: 17,
        },
      ],
    },
    {
      role: 'assistant',
      text: "`MonthlyReport` only needs `#[derive(Serialize)]`; amounts are `i64` cents, so they stay exact in JSON. I'll add `--json` that prints one JSON object and keep the table as the default.",
      after: 10,
    },
    {
      role: 'assistant',
      text: 'Implemented, with a snapshot test of the JSON.',
      tools: [
        {
          tool: 'edit_file',
          args: { path: 'src/cli/report.rs' },
          result: { status: 'patched', hunks: 2 },
          ms: 4,
        },
        {
          tool: 'edit_file',
          args: { path: 'src/report/mod.rs' },
          result: { status: 'patched', hunks: 1 },
          ms: 3,
        },
        {
          tool: 'bash',
          args: { command: 'cargo insta test --accept' },
          result: { exit_code: 0, stdout: 'insta: 1 snapshot accepted\ntest result: ok. 22 passed' },
          ms: 21300,
        },
        {
          tool: 'bash',
          args: { command: 'cargo run -q -- report --month 2026-02 --json | jq .totals' },
          result: { income_cents: 512000, expenses_cents: 371955, savings_rate: f('0.2735') },
          ms: 1900,
        },
      ],
    },
    { role: 'user', text: 'Perfect.', after: 20 },
  ],
} satisfies Record<string, TurnSpec[]>;

const demo: SessionAsset[] = [
  session({
    key: 'demo/payments',
    name: 'ledger-service: idempotent transfers',
    root: '/home/you/src/ledger-service',
    start: '2026-03-04T09:41:00Z',
    technologies: ['go', 'postgres', 'goose', 'river'],
    keyFiles: ['internal/http/transfers.go', 'internal/idempotency/store.go', 'migrations/'],
    notes: [
      'Handlers are thin; business logic lives in internal/<domain>/service.go',
      'Every write path runs in one DB transaction',
    ],
    facts: [
      ['test_command', 'go test ./internal/...', 'observed', 1.0],
      ['migrations', 'goose, SQL files in migrations/', 'user', 1.0],
      ['job_queue', 'River (Postgres-backed)', 'file:go.mod', 0.95],
      ['idempotency_ttl', '24 hours', 'user', 0.9],
    ],
    preferences: (p) => {
      p.coding_style = {
        preferred_languages: ['go', 'sql'],
        indent: 'tabs',
        indent_size: null,
        naming_convention: 'camelCase',
        comment_style: 'godoc',
      };
      p.communication = {
        verbosity: 'balanced',
        language: 'en',
        formality: 'professional',
        include_examples: true,
      };
      p.frequent_tools = ['grep', 'read_file', 'edit_file', 'bash'];
      p.custom = map({ run_tests_before_summary: true });
    },
    skills: [
      skill('go-vet', true, [onEdit('**/*.go')], { command: 'go vet ./...' }),
      skill('migration-guard', true, [onEdit('migrations/*.sql'), preRequest], {
        forbid: ['DROP TABLE', 'DROP COLUMN'],
      }),
    ],
    grants: [
      ['go test', 'Persistent'],
      ['goose', 'OneTime'],
    ],
    snapshots: [
      hil('2026-03-04T09:50:00Z', [
        [
          'bash',
          'Run `goose -dir migrations create idempotency_keys sql`',
          { command: 'goose -dir migrations create idempotency_keys sql' },
          'Approved',
        ],
        [
          'write',
          'Write internal/idempotency/store.go',
          { path: 'internal/idempotency/store.go' },
          'Approved',
        ],
      ]),
    ],
    metadata: { client: 'orcs-cli 0.1.1', model: 'claude-sonnet-4-5' },
    turns: demoTurns.payments,
  }),
  session({
    key: 'demo/docs',
    name: 'docs site: hyphenated search terms',
    root: '/home/you/src/docs',
    start: '2026-03-02T15:10:00Z',
    technologies: ['typescript', 'next.js', 'pnpm'],
    keyFiles: ['site/lib/search/tokenize.ts', 'site/lib/search/index.ts'],
    facts: [
      ['package_manager', 'pnpm', 'file:pnpm-lock.yaml', 1.0],
      ['search', 'client-side index built at deploy time', 'observed', 0.9],
    ],
    preferences: (p) => {
      p.coding_style = {
        preferred_languages: ['typescript'],
        indent: 'spaces',
        indent_size: 2,
        naming_convention: 'camelCase',
        comment_style: null,
      };
      p.communication.verbosity = 'concise';
    },
    skills: [skill('prettier', true, [onEdit('**/*.{ts,tsx,md}')], { write: true })],
    grants: [['pnpm', 'Persistent']],
    turns: demoTurns.docs,
  }),
  session({
    key: 'demo/ml',
    name: 'features: 50 min → 4 min',
    root: '/home/you/src/churn-model',
    start: '2026-02-27T10:05:00Z',
    technologies: ['python', 'pandas', 'py-spy', 'parquet'],
    keyFiles: ['features/windows.py', 'features/io.py', 'scripts/compare_features.py'],
    facts: [
      ['profiler', 'py-spy works without code changes', 'observed', 1.0],
      ['tolerance', 'feature diffs below 1e-9 count as identical', 'user', 1.0],
      ['dataset_rows', 'about 9.2 million', 'inferred', 0.7],
    ],
    preferences: (p) => {
      p.coding_style = {
        preferred_languages: ['python'],
        indent: 'spaces',
        indent_size: 4,
        naming_convention: 'snake_case',
        comment_style: 'numpy docstrings',
      };
      p.communication = { verbosity: 'verbose', language: 'en', formality: 'casual', include_examples: true };
    },
    skills: [skill('measure-first', true, [preRequest], { reminder: 'profile before optimising' })],
    turns: demoTurns.ml,
  }),
  session({
    key: 'demo/android',
    name: 'fieldnotes: Android 14 launch crash',
    root: '/home/you/src/fieldnotes-android',
    start: '2026-02-24T08:30:00Z',
    technologies: ['kotlin', 'android', 'gradle'],
    keyFiles: ['app/src/main/java/com/acme/fieldnotes/sync/SyncService.kt'],
    notes: ['minSdk 26, targetSdk 34'],
    facts: [
      ['target_sdk', '34', 'file:app/build.gradle.kts', 1.0],
      ['release_train', 'patch releases ship on Thursdays', 'user', 0.8],
    ],
    preferences: (p) => {
      p.coding_style = {
        preferred_languages: ['kotlin'],
        indent: 'spaces',
        indent_size: 4,
        naming_convention: 'camelCase',
        comment_style: 'KDoc',
      };
    },
    grants: [['./gradlew', 'Persistent']],
    snapshots: [
      hil('2026-02-24T08:40:00Z', [
        [
          'bash',
          'Run instrumented tests on the API 34 emulator',
          { command: './gradlew connectedDebugAndroidTest' },
          'Approved',
        ],
        [
          'bash',
          'Run `adb uninstall com.acme.fieldnotes`',
          { command: 'adb uninstall com.acme.fieldnotes' },
          { Rejected: { reason: 'keep my local data' } },
        ],
      ]),
    ],
    turns: demoTurns.android,
  }),
  session({
    key: 'demo/terraform',
    name: 'staging: RDS replacement drift',
    root: '/home/you/src/infra',
    start: '2026-02-19T13:00:00Z',
    technologies: ['terraform', 'aws'],
    keyFiles: ['envs/staging/rds.tf', 'modules/postgres/main.tf'],
    facts: [
      ['environments', 'staging and prod under envs/', 'observed', 1.0],
      ['auto_minor_version_upgrade', 'enabled on every RDS instance', 'observed', 0.95],
    ],
    preferences: (p) => {
      p.communication = {
        verbosity: 'concise',
        language: 'en',
        formality: 'professional',
        include_examples: false,
      };
    },
    skills: [
      skill('plan-before-apply', true, [onEvent('terraform.apply')], { require: 'plan' }),
      skill('drift-check', true, [every(86400)], { envs: ['staging', 'prod'] }),
    ],
    grants: [['terraform plan', 'Persistent']],
    snapshots: [
      hil('2026-02-19T13:05:00Z', [
        [
          'bash',
          'Run `terraform apply -auto-approve` on staging',
          { command: 'terraform apply -target=aws_db_instance.main -auto-approve', cwd: 'envs/staging' },
          {
            Modified: {
              modified_payload: {
                command: 'terraform apply -target=aws_db_instance.main',
                cwd: 'envs/staging',
              },
            },
          },
        ],
      ]),
    ],
    turns: demoTurns.terraform,
  }),
  session({
    key: 'demo/rustcli',
    name: 'ledgerline: `report --json`',
    root: '/home/you/src/ledgerline',
    start: '2026-03-05T17:20:00Z',
    technologies: ['rust', 'clap', 'serde', 'insta'],
    keyFiles: ['src/cli/report.rs', 'src/report/mod.rs'],
    facts: [
      ['money', 'amounts are i64 cents everywhere', 'file:src/money.rs', 1.0],
      ['snapshots', 'insta for output tests', 'observed', 0.95],
    ],
    preferences: fullPreferences(['rust']),
    skills: [skill('cargo-check', true, [onEdit('**/*.rs'), postResponse], { args: ['--all-targets'] })],
    grants: [
      ['cargo', 'Persistent'],
      ['jq', 'Persistent'],
    ],
    turns: demoTurns.rustcli,
  }),
];

// ---------------------------------------------------------------------------------------------
// Writing

function replaceDir(dir: string, out: { name: string; bytes: string | Uint8Array }[]): void {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (name !== 'README.md') rmSync(join(dir, name));
  for (const file of out) writeFileSync(join(dir, file.name), file.bytes);
}

const fixtureDir = join(repo, 'fixtures', 'orcs');
replaceDir(fixtureDir, files);
writeFileSync(
  join(fixtureDir, 'README.md'),
  [
    '# ORCS fixture sessions',
    '',
    'Generated by `npx tsx scripts/make-orcs-fixtures.ts` (deterministic: same bytes every run); do',
    "not edit by hand. Well-formed sessions are written by Sessionscope's serde-compatible serializer,",
    'i.e. exactly as ORCS (`orcs_runtime` 0.1.x) would save them; the backward-compatible and damaged',
    'files are written as text. Format: ORCS `SessionAsset` (orcs_runtime 0.1.x, session/asset.rs). File names are `<id>.json`.',
    '',
    '| file | covers |',
    '|---|---|',
    ...files.map((file) => `| \`${file.name}\` | ${file.covers} |`),
    '',
  ].join('\n'),
);

replaceDir(
  join(repo, 'resources', 'demo', 'orcs'),
  demo.map((asset) => ({ name: `${asset.id}.json`, bytes: serializeAsset(asset) })),
);

console.log(`wrote ${files.length} fixture files and ${demo.length} demo sessions`);
