/**
 * Hardening beyond the window's web preferences: no navigation, no new windows, no
 * webviews, no permissions, and the strict Content-Security-Policy that the app's protocol
 * (appProtocol.ts) sends with every file.
 */
import type { Session, WebContents } from 'electron';

/**
 * The policy sent with every `app:` response: only the app's own scripts, workers and
 * data ('self' is the `app://losscape` origin); inline styles allowed (React and three set
 * style attributes), nothing remote. 'wasm-unsafe-eval' lets the app compile its
 * WebAssembly kernels (and h5wasm); it allows no JavaScript eval.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Blocks navigation, window.open and webview attachment in `contents`. */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Refuses every permission request and check (camera, notifications, clipboard read, …). */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
