import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect, _electron } from '@playwright/test';
import type { Page } from '@playwright/test';
import { electronBinary } from '../scripts/electron-binary.js';

const repo = resolve(import.meta.dirname, '..');

export interface AppOptions {
  /** A directory of session files copied into a fresh root; null starts with no root at all. */
  sessions: string | null;
}

export interface Sandbox {
  /** The fresh sessions directory the app was pointed at (a copy; tests may read and write it). */
  sessionsDir: string;
  /** The fresh app-data directory (settings, trash). */
  homeDir: string;
  /** For the browser host: its address, with the token. */
  url: string | null;
}

/**
 * One fixture for every spec: a fresh sessions directory and app-data directory per test, the
 * app started on them (the browser host in Chromium, or the Electron app where a binary exists),
 * and a page that is past its explicit ready signal. No sleeps anywhere.
 */
/**
 * Ready means the first index pass is done as well as the list shown; on a busy machine (CI
 * shares two cores) a cold start takes longer than one assertion's 5 s.
 */
const STARTUP_MS = 30_000;

export const test = base.extend<AppOptions & { sandbox: Sandbox; app: Page }>({
  sessions: [join(repo, 'e2e', 'fixtures', 'orcs-basic'), { option: true }],

  sandbox: async ({ sessions }, use, testInfo) => {
    const dir = await mkdtemp(join(tmpdir(), `sessionscope-e2e-${testInfo.workerIndex}-`));
    const sessionsDir = join(dir, 'sessions');
    const homeDir = join(dir, 'appdata');
    await mkdir(join(dir, 'home'), { recursive: true });
    if (sessions) await cp(sessions, sessionsDir, { recursive: true });
    await use({ sessionsDir, homeDir, url: null });
    await rm(dir, { recursive: true, force: true });
  },

  app: async ({ sandbox, sessions, page }, use, testInfo) => {
    const fakeHome = join(sandbox.homeDir, '..', 'home');
    const env = { ...cleanEnv(), HOME: fakeHome, USERPROFILE: fakeHome, SESSIONSCOPE_HOME: sandbox.homeDir };
    const rootArgs = sessions ? ['--root', sandbox.sessionsDir] : [];

    if (testInfo.project.name === 'electron') {
      const binary = electronBinary();
      test.skip(
        !binary,
        'Electron binary is not installed on this machine (it cannot be downloaded offline)',
      );
      const electronApp = await _electron.launch({
        executablePath: binary ?? undefined,
        // The repo (not out/main) so the app's name and version come from package.json.
        args: [repo, ...rootArgs],
        env,
      });
      const window = await electronApp.firstWindow();
      await expect(window.locator('[data-app-state="ready"]')).toBeVisible({ timeout: STARTUP_MS });
      await use(window);
      await electronApp.close();
      return;
    }

    const server = await startBrowserHost(['--port', '0', '--home', sandbox.homeDir, ...rootArgs], env);
    sandbox.url = server.url;
    await page.goto(server.url);
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: STARTUP_MS });
    await use(page);
    server.process.kill();
  },
});

export { expect };

/** The machine's ORCS and Sessionscope variables must not leak into a test's sandbox. */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('ORCS_') && !key.startsWith('SESSIONSCOPE_')) env[key] = value;
  }
  return env;
}

async function startBrowserHost(
  args: string[],
  env: Record<string, string>,
): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [join(repo, 'out', 'hosts', 'server.js'), ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  if (!child.stdout) throw new Error('the browser host has no stdout');
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolveUrl, reject) => {
    lines.on('line', (line) => {
      const match = /running at (http:\/\/\S+)/.exec(line);
      if (match?.[1]) resolveUrl(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the browser host exited (${code}): ${stderr}`)));
  });
  return { url, process: child };
}
