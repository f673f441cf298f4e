/**
 * What the benchmark searches for, the same list for the index and for ripgrep: whole words,
 * identifiers and parts of them, paths, phrases, log errors, Chinese and Japanese two-character
 * words, and a rare term, so one slow kind of query cannot hide behind the median.
 */
export const queries: readonly string[] = [
  'timeout',
  'migration',
  'deadlock',
  'snapshot',
  'retry',
  'contextIsolation',
  'isolation',
  'ipcRenderer',
  'useEffect',
  'src/main/index.ts',
  'Cargo.toml',
  'ENOENT',
  'exit code 137',
  'rate limit',
  'race condition',
  'permission denied',
  'cargo build',
  'SELECT',
  '会话',
  '索引',
  '内存',
  'テスト',
  '設定',
  'kubernetes',
];
