/**
 * The languages code is highlighted in: names and file extensions, each to a grammar that
 * prism-react-renderer bundles. Nothing else a session says picks a grammar.
 */
const grammars: Readonly<Record<string, string>> = {
  c: 'c',
  h: 'c',
  cpp: 'cpp',
  'c++': 'cpp',
  cc: 'cpp',
  cxx: 'cpp',
  hpp: 'cpp',
  css: 'css',
  go: 'go',
  golang: 'go',
  graphql: 'graphql',
  gql: 'graphql',
  html: 'markup',
  htm: 'markup',
  markup: 'markup',
  xml: 'markup',
  svg: 'markup',
  javascript: 'javascript',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'jsx',
  json: 'json',
  jsonc: 'json',
  json5: 'json',
  jsonl: 'json',
  kotlin: 'kotlin',
  kt: 'kotlin',
  kts: 'kotlin',
  markdown: 'markdown',
  md: 'markdown',
  objectivec: 'objectivec',
  objc: 'objectivec',
  python: 'python',
  py: 'python',
  reason: 'reason',
  rust: 'rust',
  rs: 'rust',
  sql: 'sql',
  swift: 'swift',
  typescript: 'typescript',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'tsx',
  yaml: 'yaml',
  yml: 'yaml',
};

/** What a grammar is called on a code block's bar. */
const labels: Readonly<Record<string, string>> = {
  c: 'C',
  cpp: 'C++',
  css: 'CSS',
  go: 'Go',
  graphql: 'GraphQL',
  markup: 'HTML',
  javascript: 'JavaScript',
  jsx: 'JSX',
  json: 'JSON',
  kotlin: 'Kotlin',
  markdown: 'Markdown',
  objectivec: 'Objective-C',
  python: 'Python',
  reason: 'Reason',
  rust: 'Rust',
  sql: 'SQL',
  swift: 'Swift',
  typescript: 'TypeScript',
  tsx: 'TSX',
  yaml: 'YAML',
};

/**
 * The grammar a fence's info string names, or null for plain text. Only an info string that is
 * exactly one known name counts: anything more (attributes, markup, a second word) is session
 * text like any other, so that block stays plain.
 */
export function fenceLanguage(info: string | null | undefined): string | null {
  const name = (info ?? '').trim().toLowerCase();
  return Object.hasOwn(grammars, name) ? (grammars[name] ?? null) : null;
}

/** The grammar for a file a tool read or wrote, by its extension; null when unknown. */
export function pathLanguage(path: string): string | null {
  const name = path.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? fenceLanguage(name.slice(dot + 1)) : null;
}

export function languageLabel(grammar: string): string {
  return labels[grammar] ?? grammar;
}
