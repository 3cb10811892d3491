import type { IpcRenderer } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createBridge } from '../../electron/bridge.js';
import { menuActionChannel, openRecentChannel } from '../../electron/ipc/channels.js';

function fakeIpcRenderer() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const ipc = {
    invoke: vi.fn(async () => 'answer'),
    on: vi.fn((channel: string, l: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(l);
      return ipc;
    }),
    removeListener: vi.fn((channel: string, l: (...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(l);
      return ipc;
    }),
  };
  const emit = (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((l) => l({}, ...args));
  return { ipc, emit, asRenderer: ipc as unknown as IpcRenderer };
}

describe('createBridge', () => {
  it('exposes only named actions, never ipcRenderer or a generic send', () => {
    const bridge = createBridge(fakeIpcRenderer().asRenderer);
    expect(Object.keys(bridge).sort()).toEqual(
      ['addRecentFile', 'chooseFileToOpen', 'chooseFileToSave', 'onMenuAction', 'onOpenRecent', 'readFileBytes', 'readRecentFile', 'readTextFile', 'recentFiles', 'writeFile'].sort(),
    );
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('sends each action on its channel with its payload', async () => {
    const { ipc, asRenderer } = fakeIpcRenderer();
    const bridge = createBridge(asRenderer);
    const filters = [{ name: 'Run', extensions: ['json'] }];
    await expect(bridge.chooseFileToOpen(filters)).resolves.toBe('answer');
    await bridge.chooseFileToSave('run.json', filters);
    await bridge.readTextFile('/a/run.json');
    await bridge.readFileBytes('/a/li.h5');
    await bridge.writeFile('/a/run.json', '{}');
    await bridge.writeFile('/a/project.npz', new Uint8Array([0x50, 0x4b, 3, 4]));
    await bridge.recentFiles();
    await bridge.addRecentFile('/a/run.json');
    await bridge.readRecentFile('/a/run.json');
    expect(ipc.invoke.mock.calls).toEqual([
      ['dialog:open', { filters }],
      ['dialog:save', { defaultName: 'run.json', filters }],
      ['file:read', { path: '/a/run.json' }],
      ['file:readBytes', { path: '/a/li.h5' }],
      ['file:write', { path: '/a/run.json', data: '{}' }],
      ['file:write', { path: '/a/project.npz', data: new Uint8Array([0x50, 0x4b, 3, 4]) }],
      ['recent:list', {}],
      ['recent:add', { path: '/a/run.json' }],
      ['recent:read', { path: '/a/run.json' }],
    ]);
  });

  it('delivers known menu actions, ignores unknown ones, and unsubscribes', () => {
    const { emit, asRenderer } = fakeIpcRenderer();
    const listener = vi.fn();
    const unsubscribe = createBridge(asRenderer).onMenuAction(listener);
    emit(menuActionChannel, 'save');
    emit(menuActionChannel, 'rm -rf');
    expect(listener.mock.calls).toEqual([['save']]);
    unsubscribe();
    emit(menuActionChannel, 'open');
    expect(listener).toHaveBeenCalledOnce();
  });

  it('delivers the paths picked in Open Recent, ignores anything that is not a path, and unsubscribes', () => {
    const { emit, asRenderer } = fakeIpcRenderer();
    const listener = vi.fn();
    const unsubscribe = createBridge(asRenderer).onOpenRecent(listener);
    emit(openRecentChannel, '/talks/a.json');
    for (const junk of [42, '', 'x'.repeat(4097), '/a\0b', { path: '/a.json' }]) emit(openRecentChannel, junk);
    expect(listener.mock.calls).toEqual([['/talks/a.json']]);
    unsubscribe();
    emit(openRecentChannel, '/talks/b.json');
    expect(listener).toHaveBeenCalledOnce();
  });
});
