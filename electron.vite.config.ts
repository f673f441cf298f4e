import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// electron-vite 6 reads `build.rolldownOptions` (Vite 8's name) and then overwrites
// `build.rollupOptions` with it, so options given under the old name are silently dropped.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Every bundle gets a source map: scripts/electronegativity.js maps each finding back to its
      // TypeScript line, where the `eng-disable` justification lives (the bundler drops comments).
      sourcemap: true,
      rolldownOptions: {
        // The search index runs in a worker thread of its own, started from its own file.
        input: { index: resolve('src/main/index.ts'), 'index-worker': resolve('src/core/index/worker.ts') },
        // node:sqlite is prefix-only, so older build Nodes leave it out of builtinModules.
        external: ['node:sqlite'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      sourcemap: true,
      // A sandboxed preload can require nothing but `electron` (and a few polyfilled built-ins) and
      // can't load ESM (electronjs.org/docs/latest/tutorial/esm#sandboxed-preload-scripts-cant-use-esm-imports),
      // so every dependency is bundled into one CommonJS file per entry, with no shared chunk to
      // require: electron-vite's isolatedEntries doc pairs it with externalizeDeps off for exactly this.
      // `.cjs` because package.json says "type": "module".
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      sourcemap: true,
      // The security scan's parser predates class private fields (`#x`), which a dependency ships;
      // ES2021 output spells them another way, so the whole bundle is scanned.
      target: 'es2021',
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
