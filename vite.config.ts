import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The web UI: renderer/ is the root (index.html lives there), the build goes to dist/ at the
// repository root with relative URLs; Electron serves it as app://losscape/ (electron/appProtocol.ts).
const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));

/**
 * Keeps index.html's strict Content-Security-Policy working under the dev server: the React
 * plugin injects an inline module script (the Fast Refresh preamble), which gets a sha256
 * source, and the HMR client needs a WebSocket. The production build is left untouched.
 */
function devContentSecurityPolicy(): Plugin {
  return {
    name: 'losscape:dev-csp',
    apply: 'serve',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const inlineScripts = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
        const hashes = inlineScripts
          .map((match) => match[1])
          .filter((body) => body.trim() !== '')
          .map((body) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
        return html
          .replace("script-src 'self'", ["script-src 'self'", ...hashes].join(' '))
          .replace("connect-src 'self'", "connect-src 'self' ws: wss:");
      },
    },
  };
}

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react(), devContentSecurityPolicy()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    // three.js and React make one ~1.2 MB chunk; the desktop app loads it from disk.
    chunkSizeWarningLimit: 2000,
  },
  worker: {
    format: 'es',
  },
  server: {
    // The renderer imports workers/ and engine/, which sit beside renderer/.
    fs: { allow: [repoRoot] },
  },
});
