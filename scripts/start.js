/**
 * `npm start` after the build: the Electron app when Electron's binary is installed, otherwise the
 * browser host, so the app can always be tried (architecture.md: the browser host exists for
 * machines where no Electron binary can be downloaded). Arguments after `npm start --` pass through.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary, electronPackageDir } from './electron-binary.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

/** One bounded, quiet attempt at Electron's own installer, which exits non-zero when offline. */
function installElectron() {
  spawnSync(process.execPath, [join(electronPackageDir(), 'install.js')], {
    cwd: root,
    stdio: 'ignore',
    timeout: 60_000,
  });
  return electronBinary();
}

/** Runs `command` in the foreground and exits with its status, passing Ctrl-C and SIGTERM on. */
function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const binary = electronBinary() ?? installElectron();
if (binary) {
  // An inherited ELECTRON_RUN_AS_NODE (set by some editors' terminals) would make Electron a
  // plain Node and ignore the app.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(binary, [root, ...args], env);
} else {
  console.log(
    "Electron's binary isn't installed and couldn't be downloaded; starting the browser host instead.",
  );
  run(process.execPath, [join(root, 'out', 'hosts', 'server.js'), ...args]);
}
