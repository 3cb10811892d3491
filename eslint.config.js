import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layers are enforced here, not hoped for: engine/ imports no UI, no Electron, no workers.
const engineForbidden = ['react', 'react-dom', 'three', '@react-three/*', 'electron', 'comlink', 'node:*'];

export default tseslint.config(
  // engine/kernels/assembly is AssemblyScript (checked by its compiler); kernelsBinary.ts is its generated output.
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', 'test/e2e/screenshots', 'engine/kernels/assembly/*.ts', 'engine/kernels/kernelsBinary.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: engineForbidden, message: 'engine/ is pure numerics: no UI, Electron, workers or Node APIs.' },
            { group: ['../../renderer/*', '../../workers/*', '../../electron/*', '../../cli/*'], message: 'engine/ imports nothing from the other layers.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
