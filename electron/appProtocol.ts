/**
 * The `app://losscape/` protocol that serves the built renderer (dist/) to the window, instead
 * of `file://`: the page gets a real origin of its own, and a request can reach only the files
 * inside dist/, whatever its path says (no `..`, no encoded separators, no symlink out).
 */
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { contentSecurityPolicy } from './security.js';

/** The scheme, registered as privileged before the app is ready. */
export const appScheme: CustomScheme = {
  scheme: 'app',
  privileges: {
    // standard: relative URLs, an origin (for 'self', same-origin workers) and web storage
    // (autosave and the recent names live in localStorage); secure: a secure context like
    // https; supportFetchAPI: fetch() of the app's own files. corsEnabled stays off, so no
    // other origin can read these files.
    standard: true,
    secure: true,
    supportFetchAPI: true,
    codeCache: true,
  },
};

/** The one host the protocol serves. */
export const appHost = 'losscape';

/** The page the window loads in production. */
export const appIndexUrl = `${appScheme.scheme}://${appHost}/index.html`;

/** The file access the handler needs: Node's `fs.promises` (asar-aware in Electron), or fakes. */
export interface AppFiles {
  /** The canonical path of `file`, symlinks resolved; rejects when it does not exist. */
  realpath(file: string): Promise<string>;
  readFile(file: string): Promise<Uint8Array<ArrayBuffer>>;
}

/** Content types of the files a Vite build writes; anything else is served as bytes. */
const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** The content type served for `file`, from its extension. */
function mimeTypeOf(file: string): string {
  return mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every response: the app's Content-Security-Policy, and no content-type sniffing. */
const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
};

function refuse(status: 403 | 404 | 405): Response {
  const text = { 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed' }[status];
  return new Response(text, { status, headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * The path segments a request names under the root, decoded, or null when one of them could
 * leave it or is not a plain name: empty (`//`, a trailing `/`), `.` or `..` (also when
 * percent-encoded), or holding a separator, a NUL or a drive colon once decoded (`%2f`, `%5c`).
 */
function segmentsOf(url: URL): string[] | null {
  const segments: string[] = [];
  for (const raw of url.pathname.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null; // malformed percent-encoding
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

/** Whether `file` lies below `root` (both absolute, symlinks resolved). */
function isBelow(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/**
 * The handler for `protocol.handle`: answers GET and HEAD requests for `app://losscape/<path>`
 * with the file at `<distRoot>/<path>`, 403 for a path that would leave `distRoot` (directly
 * or through a symlink) or another host, 404 for a file that is not there, 405 otherwise.
 */
export function createAppProtocolHandler(distRoot: string, files: AppFiles): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const url = new URL(request.url);
    if (url.protocol !== `${appScheme.scheme}:` || url.host !== appHost) return refuse(403);
    const segments = segmentsOf(url);
    if (segments === null || segments.length === 0) return refuse(403);
    let root: string;
    let file: string;
    try {
      root = await files.realpath(distRoot);
      file = await files.realpath(path.join(distRoot, ...segments));
    } catch {
      return refuse(404);
    }
    if (!isBelow(root, file)) return refuse(403);
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await files.readFile(file);
    } catch {
      return refuse(404); // a folder, or gone since realpath
    }
    const headers = { ...securityHeaders, 'Content-Type': mimeTypeOf(file) };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
