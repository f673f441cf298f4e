// npm runs scripts with node_modules/.bin first on PATH, so `node` here is the pinned devDependency.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  console.error(
    `Sessionscope needs Node 22.13 or later (for node:sqlite); this is ${process.versions.node}. ` +
      'Run `npm install` so the pinned Node in node_modules is used by npm scripts.',
  );
  process.exit(1);
}
