/**
 * `npm run test:security`: runs Doyensec's Electronegativity over the built Electron app and fails
 * on any finding of medium severity or above that the source does not justify inline.
 *
 * A justification is a comment on the flagged TypeScript line, or in the comment block directly
 * above it, of the form `eng-disable CHECK_ID [CHECK_ID…] -- reason`. Electronegativity reads
 * `eng-disable` only on the flagged line of the file it scans, but the bundler drops ordinary
 * comments, so each finding is mapped back to its source line through the build's source maps
 * and the directive is looked for there, where a reviewer sees it.
 *
 * Works offline (security.md §1.3; no network here or in CI): see `offlineTranslations` and
 * `excludedChecks`.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire, Module, SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'out');
/** The Electron app's bundles; out/hosts holds the browser host and the CLI, which never run in Electron. */
const appDirs = ['main', 'preload', 'renderer'];
const require = createRequire(import.meta.url);

/**
 * AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub on every run, so
 * offline it can only fail. Whether a newer Electron carries security fixes is a question for
 * dependency updates, where there is a network, not for this offline gate.
 */
const excludedChecks = ['AvailableSecurityFixesGlobalCheck'];

/**
 * Electronegativity's dist/locales/i18n.js fetches translations from S3 on every run, and when
 * the fetch fails offline, got's retry later throws an uncaught "onCancel handler was attached
 * after the promise settled" that kills the scan. Preloading a module of the same name that sets
 * up the bundled English messages keeps the run local.
 */
function offlineTranslations(packageDir) {
  const file = join(packageDir, 'dist', 'locales', 'i18n.js');
  const i18n = createRequire(file)('i18n');
  const module = new Module(file);
  module.filename = file;
  module.loaded = true;
  module.exports = async function englishOnly() {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(file),
      updateFiles: false,
      objectNotation: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  };
  require.cache[file] = module;
}

/**
 * Electronegativity reads only .js/.jsx/.ts/.tsx/.html files (its dist/util/file.js), so the
 * CommonJS preload (`index.cjs`) would go unscanned. Copies the app's bundles to a scratch dir with
 * .cjs/.mjs renamed to .js; returns the dir and a map back to the real files.
 */
function stageBuild() {
  const stage = mkdtempSync(join(tmpdir(), 'sessionscope-eng-'));
  const realPath = new Map();
  for (const dir of appDirs) {
    cpSync(join(out, dir), join(stage, dir), { recursive: true, filter: (file) => !file.endsWith('.map') });
  }
  for (const entry of readdirSync(stage, { recursive: true })) {
    const staged = join(stage, entry);
    const real = join(out, entry);
    if (/\.(cjs|mjs)$/.test(entry)) {
      const renamed = staged.replace(/\.(cjs|mjs)$/, '.js');
      renameSync(staged, renamed);
      realPath.set(renamed, real);
    } else {
      realPath.set(staged, real);
    }
  }
  return { stage, realPath };
}

/** The TypeScript file and 0-based line a finding in a built file came from, via its source map. */
function sourceLine(builtFile, line, column) {
  const mapFile = `${builtFile}.map`;
  if (!existsSync(mapFile)) return null;
  const payload = JSON.parse(readFileSync(mapFile, 'utf8'));
  const entry = new SourceMap(payload).findEntry(line - 1, column);
  if (!entry || entry.originalSource === undefined) return null;
  const index = payload.sources.indexOf(entry.originalSource);
  const text =
    payload.sourcesContent?.[index] ?? readFileSync(resolve(dirname(mapFile), entry.originalSource), 'utf8');
  return {
    file: resolve(dirname(mapFile), entry.originalSource),
    line: entry.originalLine,
    lines: text.split('\n'),
  };
}

const directive = /eng-disable[ \t]+([\w \t]+?)[ \t]+--[ \t]+([\s\S]+?)[ \t]*(?:\*\/|$)/;

/** The reason the source gives for ignoring `checkId` on this line, or null. */
function justification(source, checkId) {
  const { lines, line } = source;
  const block = [];
  for (let above = line - 1; above >= 0; above -= 1) {
    const text = lines[above].trim();
    if (!/^(\/\/|\/\*|\*)/.test(text)) break;
    block.unshift(text.replace(/^(\/\/|\/\*+|\*)\s?/, ''));
  }
  // The flagged line's own comment, then the comment block above it read as one paragraph, so a
  // reason may wrap over several lines.
  for (const text of [lines[line] ?? '', block.join(' ')]) {
    const match = directive.exec(text);
    if (!match) continue;
    const ids = match[1].trim().split(/[ \t]+/);
    const reason = match[2].replace(/\s+/g, ' ').trim();
    if (ids.includes(checkId) && reason.length >= 10) return reason;
  }
  return null;
}

/**
 * A sandboxed preload can't be ESM and can require only `electron` and a few polyfilled
 * built-ins (electronjs.org/docs/latest/tutorial/sandbox#preload-scripts). Ours needs nothing but
 * `electron`, so any other require means a dependency escaped bundling (electron.vite.config.ts).
 */
function preloadProblems() {
  const file = join(out, 'preload', 'index.cjs');
  if (!existsSync(file)) return ['out/preload/index.cjs is missing: the preload must be built as CommonJS'];
  const code = readFileSync(file, 'utf8');
  const problems = [];
  const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]);
  for (const name of required.filter((name) => name !== 'electron')) {
    problems.push(
      `out/preload/index.cjs requires "${name}"; a sandboxed preload can require only "electron"`,
    );
  }
  if (/^\s*(import|export)\s/m.test(code)) problems.push('out/preload/index.cjs contains ESM import/export');
  return problems;
}

async function main() {
  const missing = appDirs.filter((dir) => !existsSync(join(out, dir)));
  if (missing.length > 0) {
    console.error(`Electronegativity: out/${missing.join(', out/')} missing; run \`npm run build\` first.`);
    return 1;
  }

  const packageDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  offlineTranslations(packageDir);
  const run = require('@doyensec/electronegativity');
  const { severity } = require(join(packageDir, 'dist', 'finder', 'attributes.js'));
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

  const { stage, realPath } = stageBuild();
  let result;
  try {
    result = await run({
      input: stage,
      // The scanned dirs hold no package.json to read the version from; this is the installed one.
      electronVersionOverride: electronVersion,
      excludeFromScan: excludedChecks,
      // Every finding comes back; the medium bar and the justifications are applied below.
      severitySet: 'informational',
      confidenceSet: 'tentative',
    });
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }

  const justified = [];
  const failing = [];
  const minor = [];
  for (const issue of result.issues) {
    const real = realPath.get(issue.file);
    const where = real ? `${relative(root, real)}:${issue.location.line}` : issue.file;
    const source = real ? sourceLine(real, issue.location.line, issue.location.column) : null;
    const at = source ? `${relative(root, source.file)}:${source.line + 1}` : where;
    const finding = { id: issue.id, severity: issue.severity.name, at, description: issue.description };
    if (issue.severity.value < severity.MEDIUM.value) {
      minor.push(finding);
      continue;
    }
    const reason = source ? justification(source, issue.id) : null;
    if (reason) justified.push({ ...finding, reason });
    else failing.push(finding);
  }
  const parseErrors = result.errors.filter((error) => !error.tolerable);
  const preload = preloadProblems();

  console.log(
    `Electronegativity on out/{${appDirs.join(',')}} (Electron ${electronVersion}, ` +
      `${result.atomicChecks} atomic + ${result.globalChecks} global checks; not run: ${excludedChecks.join(', ')})`,
  );
  const list = (log, label, findings, detail) => {
    for (const f of findings)
      log(`  ${label.padEnd(10)} ${f.severity.padEnd(6)} ${f.id} at ${f.at}: ${detail(f)}`);
  };
  list(console.log, 'justified', justified, (f) => f.reason);
  list(console.log, 'below bar', minor, (f) => f.description);
  list(console.error, 'FAILING', failing, (f) => f.description);
  for (const error of parseErrors)
    console.error(`  UNSCANNED  ${relative(stage, error.file)}: ${error.message}`);
  for (const problem of preload) console.error(`  PRELOAD    ${problem}`);

  const failed = failing.length + parseErrors.length + preload.length;
  console.log(
    failed === 0
      ? `Passed: ${justified.length} justified, ${minor.length} below medium, 0 unjustified.`
      : `Failed: ${failing.length} unjustified finding(s) of medium or above, ${parseErrors.length} unparsed file(s), ` +
          `${preload.length} preload problem(s). Fix them, or justify a finding on its source line with ` +
          '`/* eng-disable CHECK_ID -- reason */`.',
  );
  return failed === 0 ? 0 : 1;
}

// Exit explicitly once the output is flushed: Electronegativity leaves handles open that would
// otherwise keep the process alive for several more seconds.
main().then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (error) => {
    console.error('Electronegativity could not run:', error);
    process.exit(1);
  },
);
