#!/usr/bin/env node
// Plain JavaScript with no newer syntax than old Nodes parse, so even a Node too old to run the
// app gets a clear sentence instead of a syntax error.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  process.stderr.write(
    'sessionscope: unsupported: Node ' +
      process.versions.node +
      ' is too old; Sessionscope needs Node 22.13 or newer (for node:sqlite). ' +
      'Install it from https://nodejs.org, or inside the project run `npx sessionscope`, which uses its pinned Node.\n',
  );
  process.exit(1);
}

const cli = new URL('../out/hosts/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(
    'sessionscope: not_found: the CLI is not built yet; run `npm run build` in the project first.\n',
  );
  process.exit(1);
}

import(cli.href).catch((error) => {
  process.stderr.write('sessionscope: io: ' + String(error && error.message).split('\n')[0] + '\n');
  process.exitCode = 1;
});
