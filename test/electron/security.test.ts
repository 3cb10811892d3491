import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  contentSecurityPolicy,
  denyAllPermissions,
  hardenWebContents,
  installContentSecurityPolicy,
} from '../../electron/security.js';

type Listener = (...args: unknown[]) => unknown;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: Listener | undefined;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: Listener) {
      openHandler = handler;
    },
  };
  return { contents: contents as unknown as WebContents, listeners, openHandler: () => openHandler };
}

describe('hardenWebContents', () => {
  it('cancels every navigation', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents);
    const event = { preventDefault: vi.fn() };
    fake.listeners.get('will-navigate')?.(event, 'https://example.com/');
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('refuses to attach webviews', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents);
    const event = { preventDefault: vi.fn() };
    fake.listeners.get('will-attach-webview')?.(event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('denies every new window', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents);
    const handler = fake.openHandler();
    expect(handler).toBeDefined();
    expect(handler?.({ url: 'https://example.com/', frameName: '', features: '' })).toEqual({ action: 'deny' });
  });
});

describe('installContentSecurityPolicy', () => {
  function install() {
    let listener: Listener | undefined;
    const session = { webRequest: { onHeadersReceived: (l: Listener) => (listener = l) } };
    installContentSecurityPolicy(session as unknown as Session);
    return (url: string, responseHeaders?: Record<string, string[]>) => {
      const callback = vi.fn();
      listener?.({ url, responseHeaders }, callback);
      expect(callback).toHaveBeenCalledOnce();
      return callback.mock.calls[0][0] as { responseHeaders?: Record<string, string[]> };
    };
  }

  it('adds the policy to file: responses, keeping their other headers', () => {
    const respond = install();
    const result = respond('file:///app/dist/index.html', { 'Content-Type': ['text/html'] });
    expect(result.responseHeaders).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [contentSecurityPolicy],
    });
  });

  it('leaves other responses unchanged', () => {
    const respond = install();
    expect(respond('http://localhost:5173/', { 'Content-Type': ['text/html'] })).toEqual({});
  });

  it('is strict: nothing by default, scripts only from the app, no plugins or framing', () => {
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).toContain("object-src 'none'");
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(contentSecurityPolicy).not.toMatch(/script-src[^;]*'unsafe-(eval|inline)'/);
  });
});

describe('denyAllPermissions', () => {
  it('refuses permission requests and checks', () => {
    let request: Listener | undefined;
    let check: Listener | undefined;
    const session = {
      setPermissionRequestHandler: (h: Listener) => (request = h),
      setPermissionCheckHandler: (h: Listener) => (check = h),
    };
    denyAllPermissions(session as unknown as Session);
    const callback = vi.fn();
    request?.({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(check?.({}, 'notifications', 'file://', {})).toBe(false);
  });
});
