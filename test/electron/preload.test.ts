import { describe, expect, it, vi } from 'vitest';

const exposeInMainWorld = vi.fn();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
}));

describe('preload', () => {
  it('exposes the bridge as window.losscape, with functions only', async () => {
    await import('../../electron/preload.js');
    expect(exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, api] = exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(key).toBe('losscape');
    expect(Object.keys(api)).toContain('readTextFile');
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
  });
});
