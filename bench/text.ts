/**
 * Varied, deterministic session text: English prose, code blocks, log lines, JSON tool output,
 * Chinese and Japanese sentences, and the identifiers and paths developers paste. Fragments are
 * generated once per pool from the seed and then combined per message: combining keeps a 4 GB
 * corpus fast to write while messages still differ, and the pool's vocabulary (real words plus a
 * long Zipf tail of made-up ones) gives a search index a realistic number of distinct terms.
 */
import { Random } from './random';

const COMMON = (
  'the a to of and in is it that for on with this we be as at by not are from or have an was ' +
  'but if can will should would could then so when which there what all one more also just now ' +
  'here still only after before because while into out about over again both each few most other ' +
  'some such than too very make check run try look need want fix add remove change update keep ' +
  'use see find read write open close start stop move copy rename call return pass fail work'
).split(' ');

const TECH = (
  'session index parser token stream cache file root agent worker process thread renderer ' +
  'window handler request response query schema migration timeout retry deadlock snapshot ' +
  'preload sandbox contextIsolation nodeIntegration ipcRenderer ipcMain webContents useEffect ' +
  'useState zustand reducer promise callback buffer offset checksum hash chain commit branch ' +
  'rebase merge lint typecheck build bundle vite electron tokio serde cargo rustc clippy sqlite ' +
  'postgres redis kafka nginx docker kubernetes lambda endpoint payload header cookie cors csp ' +
  'utf-8 latency throughput regression benchmark flaky fixture mock assertion coverage'
).split(' ');

const PHRASES = [
  'rate limit',
  'race condition',
  'permission denied',
  'cargo build',
  'stack trace',
  'null pointer',
  'exit code 137',
  'out of memory',
  'connection reset',
  'hot reload',
];

const PATHS = [
  'src/main/index.ts',
  'src/preload/index.ts',
  'src/renderer/App.tsx',
  'src/core/library.ts',
  'src/core/formats/orcs/store.ts',
  'crates/session-store/src/lib.rs',
  'crates/orcs-runtime/src/session/local.rs',
  'package.json',
  'Cargo.toml',
  'vite.config.ts',
  'tests/e2e/list.spec.ts',
  '.github/workflows/ci.yml',
  'docs/architecture.md',
  'scripts/release.sh',
];

const CHINESE = [
  '这个会话的索引需要重新构建。',
  '我们先检查一下搜索结果是否正确。',
  '请把配置文件中的超时时间改成三十秒。',
  '测试在持续集成环境里偶尔失败。',
  '数据库迁移已经完成，没有发现错误。',
  '这个函数的返回值可能为空，需要处理。',
  '日志显示在启动时读取了太多文件。',
  '我建议把解析放到工作线程里执行。',
  '用户反馈会话列表加载很慢。',
  '内存占用在打开大文件后明显增加。',
  '请帮我写一个单元测试覆盖这个分支。',
  '渲染进程不应该直接访问文件系统。',
];

const JAPANESE = [
  'このセッションのインデックスを作り直します。',
  'テストが時々失敗するので原因を調べてください。',
  '設定ファイルのタイムアウトを三十秒に変更しました。',
  '検索結果の順序が正しいか確認しましょう。',
  '大きなファイルを開くとメモリ使用量が増えます。',
  'ビルドは成功しましたが警告が二つあります。',
  'レンダラープロセスからファイルを直接読まないでください。',
  'ログを見ると起動時にファイルを読みすぎています。',
  'この関数は空の値を返すことがあります。',
  'マイグレーションは問題なく完了しました。',
];

const LEVELS = ['INFO', 'INFO', 'INFO', 'DEBUG', 'WARN', 'ERROR'];
const COMPONENTS = ['main', 'worker-1', 'worker-2', 'indexer', 'watcher', 'ipc', 'db', 'http'];
const LOG_EVENTS = [
  'request completed status=200',
  'ENOENT: no such file or directory',
  'EACCES: permission denied',
  'retry scheduled after timeout',
  'rate limit exceeded, backing off',
  'connection reset by peer',
  'cache miss for key',
  'migration applied',
  'snapshot written',
  'deadlock detected, rolling back transaction',
  'process exited with exit code 137',
  'watcher ready',
];

const TOOLS = ['bash', 'read_file', 'write_file', 'edit_file', 'grep', 'list_dir', 'web_fetch', 'run_tests'];
const LANGUAGES = ['ts', 'rust', 'python', 'sh'] as const;

/** Pronounceable made-up words: the long tail of rare terms real text has. */
function pseudoWords(random: Random, count: number): string[] {
  const onsets = [
    'b',
    'c',
    'd',
    'f',
    'g',
    'k',
    'l',
    'm',
    'n',
    'p',
    'r',
    's',
    't',
    'v',
    'z',
    'br',
    'st',
    'tr',
  ];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou'];
  return Array.from({ length: count }, () => {
    let word = '';
    for (let s = random.between(2, 4); s > 0; s--) word += random.pick(onsets) + random.pick(vowels);
    return word;
  });
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function identifier(random: Random, tail: string[]): string {
  const a = random.pick([...TECH, ...tail.slice(0, 200)]).replace(/[^a-z]/gi, '');
  const b = random.zipf(tail);
  return random.chance(0.5) ? `${a}${capitalize(b)}` : `${b}_${a.toLowerCase()}`;
}

function sentence(random: Random, tail: string[]): string {
  const words: string[] = [];
  for (let n = random.between(6, 22); n > 0; n--) {
    const roll = random.next();
    if (roll < 0.55) words.push(random.zipf(COMMON));
    else if (roll < 0.8) words.push(random.zipf(TECH));
    else if (roll < 0.85) words.push(random.pick(PHRASES));
    else if (roll < 0.88) words.push(random.pick(PATHS));
    else words.push(random.zipf(tail));
  }
  return `${capitalize(words.join(' '))}${random.pick(['.', '.', '.', '?', ':'])}`;
}

function prose(random: Random, tail: string[]): string {
  return Array.from({ length: random.between(2, 6) }, () => sentence(random, tail)).join(' ');
}

function cjk(random: Random): string {
  const lines = random.chance(0.5) ? CHINESE : JAPANESE;
  return Array.from({ length: random.between(1, 4) }, () => random.pick(lines)).join('');
}

function codeLine(random: Random, language: (typeof LANGUAGES)[number], tail: string[]): string {
  const name = identifier(random, tail);
  const other = identifier(random, tail);
  const n = random.int(1000);
  switch (language) {
    case 'ts':
      return random.pick([
        `const ${name} = await ${other}(${n});`,
        `if (!${name}) throw new Error('${random.pick(LOG_EVENTS)}');`,
        `export function ${name}(${other}: string): number {`,
        `  useEffect(() => ${other}.subscribe(${name}), [${other}]);`,
        `  webPreferences: { contextIsolation: true, sandbox: true, preload: '${random.pick(PATHS)}' },`,
        `import { ${name} } from './${other}';`,
        `  return ${name}.filter((x) => x.${other} > ${n});`,
        `}`,
      ]);
    case 'rust':
      return random.pick([
        `let ${name} = ${other}(${n})?;`,
        `pub fn ${name}(&self, ${other}: &str) -> Result<usize, Error> {`,
        `    let rows = sqlx::query("SELECT * FROM sessions WHERE id = ?").fetch_all(&pool).await?;`,
        `#[derive(Debug, Clone, Serialize, Deserialize)]`,
        `    tokio::spawn(async move { ${other}.await });`,
        `}`,
      ]);
    case 'python':
      return random.pick([
        `def ${name}(${other}):`,
        `    return [x for x in ${other} if x > ${n}]`,
        `    raise TimeoutError("${random.pick(LOG_EVENTS)}")`,
        `import ${other}`,
        `    ${name} = json.loads(${other})`,
      ]);
    case 'sh':
      return random.pick([
        `$ cargo build --release`,
        `$ npm run test -- ${random.pick(PATHS)}`,
        `$ rg -n ${name} src/`,
        `$ git diff --stat HEAD~${random.between(1, 9)}`,
        `$ docker compose up ${other}`,
      ]);
  }
}

function code(random: Random, tail: string[]): string {
  const language = random.pick(LANGUAGES);
  const lines = Array.from({ length: random.between(3, 30) }, () => codeLine(random, language, tail));
  return `\`\`\`${language}\n${lines.join('\n')}\n\`\`\``;
}

function logs(random: Random, tail: string[]): string {
  const start = Date.UTC(2026, 0, 1) + random.int(300 * 86_400_000);
  return Array.from({ length: random.between(3, 40) }, (_, i) => {
    const at = new Date(start + i * random.between(1, 900)).toISOString();
    const extra = random.chance(0.3) ? ` path=${random.pick(PATHS)}` : ` id=${random.hex(8)}`;
    return `${at} ${random.pick(LEVELS)} [${random.pick(COMPONENTS)}] ${random.pick(LOG_EVENTS)} ${random.zipf(tail)}${extra} took=${random.int(5000)}ms`;
  }).join('\n');
}

function json(random: Random, tail: string[]): string {
  const value = {
    status: random.pick(['ok', 'ok', 'error']),
    exitCode: random.pick([0, 0, 0, 1, 2, 137]),
    files: Array.from({ length: random.between(0, 8) }, () => ({
      path: random.pick(PATHS),
      size: random.int(100_000),
      matches: random.int(40),
    })),
    message: sentence(random, tail),
    durationMs: random.int(10_000),
  };
  return random.chance(0.5) ? JSON.stringify(value, null, 2) : JSON.stringify(value);
}

type Kind = 'prose' | 'code' | 'logs' | 'json' | 'cjk';

export interface ToolUse {
  name: string;
  /** The arguments as an object of strings, which every format can carry. */
  args: Record<string, string>;
  output: string;
  success: boolean;
  durationMs: number;
}

/** Pre-generated fragments, combined per message. */
export class TextPool {
  private readonly fragments: Record<Kind, string[]>;

  constructor(seed: number, perKind = 1024) {
    const random = new Random(seed);
    const tail = pseudoWords(random, 4000);
    const make = (f: (r: Random) => string): string[] => Array.from({ length: perKind }, () => f(random));
    this.fragments = {
      prose: make((r) => prose(r, tail)),
      code: make((r) => code(r, tail)),
      logs: make((r) => logs(r, tail)),
      json: make((r) => json(r, tail)),
      cjk: make(cjk),
    };
  }

  private fragment(random: Random, kind: Kind): string {
    return random.pick(this.fragments[kind]);
  }

  /** A user's message: mostly prose, sometimes in Chinese or Japanese, sometimes pasted logs or code. */
  user(random: Random): string {
    const parts = [this.fragment(random, random.chance(0.2) ? 'cjk' : 'prose')];
    if (random.chance(0.15)) parts.push(this.fragment(random, 'logs'));
    if (random.chance(0.15)) parts.push(this.fragment(random, 'code'));
    if (random.chance(0.3)) parts.push(this.fragment(random, 'prose'));
    return parts.join('\n\n');
  }

  /** An assistant's reply: prose around code blocks, now and then a CJK sentence. */
  assistant(random: Random): string {
    const parts: string[] = [];
    for (let n = random.between(1, 4); n > 0; n--) {
      parts.push(this.fragment(random, 'prose'));
      if (random.chance(0.5)) parts.push(this.fragment(random, 'code'));
    }
    if (random.chance(0.1)) parts.push(this.fragment(random, 'cjk'));
    return parts.join('\n\n');
  }

  /** A tool call and what it printed: log lines, JSON, or file contents. */
  tool(random: Random): ToolUse {
    const name = random.pick(TOOLS);
    const args: Record<string, string> =
      name === 'bash'
        ? { command: this.fragment(random, 'code').split('\n')[1] ?? 'ls' }
        : name === 'grep'
          ? { pattern: random.pick([...TECH, ...PHRASES]), path: 'src/' }
          : name === 'web_fetch'
            ? { url: `https://docs.example.com/${random.pick(TECH)}` }
            : { path: random.pick(PATHS) };
    const kind =
      name === 'read_file' || name === 'edit_file' ? 'code' : random.pick(['logs', 'json'] as const);
    return {
      name,
      args,
      output: this.fragment(random, kind),
      success: random.chance(0.9),
      durationMs: random.int(20_000),
    };
  }

  /** A project name: what a session's title is made from. */
  title(random: Random): string {
    return capitalize(this.fragment(random, 'prose').split(' ').slice(0, random.between(2, 6)).join(' '));
  }
}
