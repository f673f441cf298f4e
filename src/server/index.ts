import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { defaultAppDataDir } from '../core/appdata';
import { createLibrary } from '../core/library';
import { startServer } from './app';

const usage = 'usage: npm run serve -- [--port N] [--root DIR]... [--home DIR]';
const defaultPort = 7415;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      root: { type: 'string', multiple: true },
      home: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = values.port === undefined ? defaultPort : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port takes 0–65535 (${usage})`);

  const env = { home: homedir(), vars: process.env };
  const library = createLibrary({
    appDataDir: values.home ?? process.env.SESSIONSCOPE_HOME ?? defaultAppDataDir(env, process.platform),
    env,
    roots: values.root,
    cwd: process.cwd(),
    resourcesDir: fileURLToPath(new URL('../../resources', import.meta.url)),
    host: 'browser',
    version,
    indexWorker: { url: new URL('./index-worker.js', import.meta.url) },
    watch: true,
  });
  const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
  const server = await startServer({ library, rendererDir, port }).catch((error: NodeJS.ErrnoException) => {
    // The default port may be taken by another copy; an explicit one is the user's choice to keep.
    if (error.code === 'EADDRINUSE' && values.port === undefined)
      return startServer({ library, rendererDir, port: 0 });
    throw error;
  });
  console.log(`Sessionscope is running at ${server.url}`);
  const stop = () => void server.close().then(() => library.close());
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`sessionscope serve: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
