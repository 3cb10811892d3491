import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appIndexUrl, appScheme, createAppProtocolHandler } from '../../electron/appProtocol.js';
import { contentSecurityPolicy } from '../../electron/security.js';

// A built app on disk: <tmp>/app/dist with a page, a script, a worker, a kernel and an icon,
// a secret beside dist/ and one outside the app, and symlinks from dist/ to both.
let tmp: string;
let dist: string;
let handle: (request: Request) => Promise<Response>;
const reads: string[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'losscape-app-protocol-'));
  dist = path.join(tmp, 'app', 'dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Losscape</title>');
  await writeFile(path.join(dist, 'assets', 'index-abc.js'), 'export {};');
  await writeFile(path.join(dist, 'assets', 'landscape.worker-def.mjs'), 'self.onmessage = () => {};');
  await writeFile(path.join(dist, 'assets', 'index-abc.css'), 'body {}');
  await writeFile(path.join(dist, 'assets', 'kernels.wasm'), new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  await writeFile(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(dist, 'assets', 'data.bin'), new Uint8Array([1, 2, 3]));
  await writeFile(path.join(tmp, 'app', 'secret.txt'), 'beside dist');
  await writeFile(path.join(tmp, 'outside.txt'), 'outside the app');
  await symlink(path.join(tmp, 'outside.txt'), path.join(dist, 'escape.txt'));
  await symlink(path.join(tmp, 'app'), path.join(dist, 'up'));
  await symlink(path.join(dist, 'index.html'), path.join(dist, 'alias.html'));
  const files = {
    realpath,
    readFile: vi.fn(async (file: string) => {
      reads.push(file);
      return readFile(file);
    }),
  };
  handle = createAppProtocolHandler(dist, files);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('the app:// protocol handler', () => {
  it('serves the page with its content type and the security headers', async () => {
    const response = await get(appIndexUrl);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>Losscape</title>');
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/landscape.worker-def.mjs', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/kernels.wasm', 'application/wasm'],
    ['favicon.svg', 'image/svg+xml'],
    ['assets/data.bin', 'application/octet-stream'],
  ])('serves %s as %s', async (file, type) => {
    const response = await get(`app://losscape/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(type);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array(await readFile(path.join(dist, file))));
  });

  it('ignores the query and fragment, and follows a symlink that stays inside dist/', async () => {
    const response = await get('app://losscape/alias.html?v=1#top');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>Losscape</title>');
  });

  it('answers HEAD without a body', async () => {
    const response = await get(appIndexUrl, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('');
  });

  it.each([
    // The URL parser (Chromium's as Node's) folds these dot segments away, so they name files inside dist/.
    ['a .. traversal', 'app://losscape/../secret.txt'],
    ['a deeper .. traversal', 'app://losscape/assets/../../../outside.txt'],
    ['a percent-encoded .. traversal', 'app://losscape/%2e%2e/%2E%2E/outside.txt'],
    ['a missing file', 'app://losscape/nothing.js'],
    ['a folder', 'app://losscape/assets'],
  ])('answers 404 for %s, reading nothing outside dist/', async (_label, url) => {
    reads.length = 0;
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy);
    for (const file of reads) expect(file.startsWith(await realpath(dist))).toBe(true);
  });

  it.each([
    ['an encoded slash', 'app://losscape/..%2fsecret.txt'],
    ['an encoded backslash', 'app://losscape/..%5csecret.txt'],
    ['an encoded absolute path', 'app://losscape/%2Fetc%2Fpasswd'],
    ['an absolute path after a double slash', 'app://losscape//etc/passwd'],
    ['a drive letter', 'app://losscape/C:/Windows/win.ini'],
    ['an encoded NUL', 'app://losscape/index.html%00.js'],
    ['malformed percent-encoding', 'app://losscape/%E0%A4%A'],
    ['a symlink to a file outside the app', 'app://losscape/escape.txt'],
    ['a symlink to a folder above dist/', 'app://losscape/up/secret.txt'],
    ['the root itself', 'app://losscape/'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'https://losscape/index.html'],
  ])('answers 403 for %s, reading nothing', async (_label, url) => {
    reads.length = 0;
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('Forbidden');
    expect(reads).toEqual([]);
  });

  it('answers 405 to anything but GET and HEAD', async () => {
    expect((await get(appIndexUrl, 'POST')).status).toBe(405);
  });
});

describe('appScheme', () => {
  it('is a standard, secure scheme with fetch, readable by no other origin', () => {
    expect(appScheme).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
    expect(appIndexUrl).toBe('app://losscape/index.html');
  });
});
