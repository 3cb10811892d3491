import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy, denyAllPermissions, hardenWebContents } from '../../electron/security.js';

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

describe('contentSecurityPolicy', () => {
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
    expect(check?.({}, 'notifications', 'app://losscape', {})).toBe(false);
  });
});
