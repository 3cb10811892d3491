/**
 * Builds the Electron main process and preload into dist-electron/ (run after the renderer's
 * `vite build`). Two environments, because the two need different module formats:
 * main.js is ESM (package.json has "type": "module"); preload.cjs is one CommonJS file,
 * since sandboxed preloads can be neither ESM nor `require` local files.
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type EnvironmentOptions } from 'vite';

const external = ['electron', /^electron\//, /^node:/, ...builtinModules];

function nodeBundle(entry: string, format: 'es' | 'cjs', fileName: string, emptyOutDir: boolean): EnvironmentOptions {
  return {
    consumer: 'server',
    build: {
      outDir: 'dist-electron',
      emptyOutDir,
      target: 'node22',
      minify: false,
      sourcemap: true,
      rolldownOptions: {
        input: fileURLToPath(new URL(entry, import.meta.url)),
        external,
        output: { format, entryFileNames: fileName, codeSplitting: false },
      },
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  publicDir: false,
  environments: {
    main: nodeBundle('./main.ts', 'es', 'main.js', true), // built first: clears dist-electron/
    preload: nodeBundle('./preload.ts', 'cjs', 'preload.cjs', false),
  },
  builder: {
    async buildApp(builder) {
      await builder.build(builder.environments.main);
      await builder.build(builder.environments.preload);
    },
  },
});
