import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The browser host and the CLI: plain Node programs built beside the Electron bundles. Packages
 * stay external (Vite's SSR default) and load from node_modules: some, like write-file-atomic,
 * are CommonJS that needs its own __filename.
 */
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/hosts',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    rollupOptions: {
      input: {
        server: resolve('src/server/index.ts'),
        cli: resolve('src/cli/index.ts'),
        'index-worker': resolve('src/core/index/worker.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js' },
      external: [/^node:/],
    },
  },
});
