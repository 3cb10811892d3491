// Shared end-to-end helpers: build the web UI, serve it on localhost, drive it in the
// system's headless Chromium (WebGL through SwiftShader), and read screenshots back as pixels.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { build, preview } from 'vite';
import { contentSecurityPolicy } from '../../electron/security.js';
import { afterAll, beforeAll } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const viteConfig = join(repoRoot, 'vite.config.ts');
const screenshotDir = join(repoRoot, 'test/e2e/screenshots');

const chromiumCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium to test with: $CHROMIUM_PATH, else the first system install found; throws if none. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  const found = chromiumCandidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error("No Chromium found: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH");
  }
  return found;
}

/** A built copy of the web UI served over HTTP on localhost. */
export interface WebApp {
  url: string;
  close(): Promise<void>;
}

/**
 * Builds the web UI with the repository's vite.config.ts into a fresh temporary folder (so a
 * running test never clobbers dist/) and serves it with Vite's preview server on a free port,
 * every response under the desktop app's Content-Security-Policy, so the tests meet what
 * Electron enforces (on workers too, which a page's meta policy does not reach).
 */
export async function startWebApp(): Promise<WebApp> {
  const outDir = mkdtempSync(join(tmpdir(), 'losscape-e2e-'));
  await build({ configFile: viteConfig, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    configFile: viteConfig,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false, headers: { 'Content-Security-Policy': contentSecurityPolicy } },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report a local URL');
  return {
    url,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** Launches headless Chromium with WebGL on SwiftShader and nothing talking to the network. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * Records every console error, uncaught page error and failed request of `page` into the
 * returned list, so a test can require it to stay empty.
 */
export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()} at ${message.location().url}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // net::ERR_ABORTED is Chromium cancelling the requests of a page being left (a reload while a
  // worker's script still loads), not a failure of the app.
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText;
    if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} (${reason})`);
  });
  return problems;
}

/** Saves a screenshot of `target` (a page or one element) to test/e2e/screenshots/<name>.png and decodes it. */
export async function screenshot(target: Page | Locator, name: string): Promise<PNG> {
  const buffer = await target.screenshot({ animations: 'disabled' });
  mkdirSync(screenshotDir, { recursive: true });
  writeFileSync(join(screenshotDir, `${name}.png`), buffer);
  return PNG.sync.read(buffer);
}

/** Starts the built web app and Chromium once for a test file and closes both after it; read them inside tests. */
export function useWebAppInChromium(): { readonly app: WebApp; readonly browser: Browser } {
  let app: WebApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startWebApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  return {
    get app() {
      return app!;
    },
    get browser() {
      return browser!;
    },
  };
}
