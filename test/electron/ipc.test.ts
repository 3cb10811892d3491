import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { appIndexUrl } from '../../electron/appProtocol.js';
import { createSenderCheck, isAppUrl, registerIpc, UntrustedSenderError } from '../../electron/ipc.js';
import { invokeChannels } from '../../electron/ipc/channels.js';
import { createIpcHandlers, type IpcHandlerDeps } from '../../electron/ipc/handlers.js';
import { createUserPaths, PathNotAllowedError } from '../../electron/ipc/userPaths.js';
import { IpcValidationError } from '../../electron/ipc/validate.js';
import { createRecentFiles } from '../../electron/recentFiles.js';

const appUrl = appIndexUrl;
const chosen = path.resolve('/home/ada/lecture/run.json');
const other = path.resolve('/etc/passwd');

/** An invoke event from web contents `id`, whose sending frame shows `url` (a main frame unless `parent`). */
function event(id: number, url = appUrl, parent: unknown = null): IpcMainInvokeEvent {
  return { sender: { id }, senderFrame: { url, parent } } as unknown as IpcMainInvokeEvent;
}

/** Registers the IPC over fakes: window 1 is ours; dialogs answer `dialogAnswer`. */
function setup(dialogAnswer: string | null = chosen, recent: string[] = []) {
  const handlers = new Map<string, (e: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>>();
  const ipcMain = { handle: (channel: string, h: never) => handlers.set(channel, h) } as unknown as IpcMain;
  const deps = {
    showOpenDialog: vi.fn(async () => dialogAnswer),
    showSaveDialog: vi.fn(async () => dialogAnswer),
    readTextFile: vi.fn(async (file: string) => `contents of ${file}`),
    readFileBytes: vi.fn(async (file: string) => new TextEncoder().encode(`bytes of ${file}`)),
    writeFile: vi.fn(async () => undefined),
    userPaths: createUserPaths(),
    recentFiles: createRecentFiles(recent, vi.fn(async () => undefined)),
  } satisfies IpcHandlerDeps;
  registerIpc(ipcMain, {
    isTrustedSender: createSenderCheck(() => [{ webContents: { id: 1 } }], appUrl),
    handlers: createIpcHandlers(deps),
  });
  const invoke = (channel: string, payload: unknown, from = event(1)) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(from, payload);
  };
  return { handlers, deps, invoke };
}

const filters = [{ name: 'Run', extensions: ['json'] }];

describe('registerIpc', () => {
  it('registers exactly the channels of the registry', () => {
    expect([...setup().handlers.keys()].sort()).toEqual(Object.keys(invokeChannels).sort());
  });

  it('answers good requests from our window', async () => {
    const { invoke, deps } = setup();
    await expect(invoke('dialog:open', { filters })).resolves.toBe(chosen);
    expect(deps.showOpenDialog).toHaveBeenCalledWith({ filters }, { id: 1 });
    await expect(invoke('file:read', { path: chosen })).resolves.toBe(`contents of ${chosen}`);
    await expect(invoke('file:readBytes', { path: chosen })).resolves.toEqual(new TextEncoder().encode(`bytes of ${chosen}`));
    await expect(invoke('dialog:save', { defaultName: 'run.json', filters })).resolves.toBe(chosen);
    await expect(invoke('file:write', { path: chosen, data: new Uint8Array([1, 2]) })).resolves.toBeUndefined();
    expect(deps.writeFile).toHaveBeenCalledWith(chosen, new Uint8Array([1, 2]));
  });

  it.each([
    ['a window that is not ours', event(2)],
    ['a subframe of our window', event(1, appUrl, {})],
    ['our window showing another page', event(1, 'https://evil.example/')],
    ['another local file', event(1, 'file:///tmp/evil.html')],
    ['another host on our scheme', event(1, 'app://evil/index.html')],
    ['our host on another custom scheme', event(1, 'evil://losscape/index.html')],
    ['a destroyed frame', { sender: { id: 1 }, senderFrame: null } as unknown as IpcMainInvokeEvent],
  ])('rejects messages from %s', async (_label, from) => {
    const { invoke, deps } = setup();
    await expect(invoke('dialog:open', { filters }, from)).rejects.toBeInstanceOf(UntrustedSenderError);
    expect(deps.showOpenDialog).not.toHaveBeenCalled();
  });

  it.each([
    ['not an object', 'dialog:open', 'hello'],
    ['null', 'dialog:open', null],
    ['an array', 'dialog:open', [filters]],
    ['a missing field', 'dialog:save', { filters }],
    ['an extra field', 'dialog:open', { filters, properties: ['openDirectory'] }],
    ['a wrong field type', 'file:read', { path: 42 }],
    ['a path with NUL', 'file:read', { path: `${chosen}\0.txt` }],
    ['a bad extension', 'dialog:open', { filters: [{ name: 'Run', extensions: ['../x'] }] }],
    ['a name with a folder', 'dialog:save', { defaultName: '../../etc/x', filters }],
    ['data of the wrong type', 'file:write', { path: chosen, data: { length: 3 } }],
  ])('rejects a payload with %s', async (_label, channel, payload) => {
    const { invoke, deps } = setup();
    await invoke('dialog:open', { filters }); // the user chose `chosen`
    await expect(invoke(channel, payload)).rejects.toBeInstanceOf(IpcValidationError);
    expect(deps.readTextFile).not.toHaveBeenCalled();
    expect(deps.showSaveDialog).not.toHaveBeenCalled();
    expect(deps.writeFile).not.toHaveBeenCalled();
  });

  it('refuses to read or write a path the user did not choose', async () => {
    const { invoke, deps } = setup();
    await invoke('dialog:open', { filters });
    await invoke('dialog:save', { defaultName: 'run.json', filters });
    await expect(invoke('file:read', { path: other })).rejects.toBeInstanceOf(PathNotAllowedError);
    await expect(invoke('file:readBytes', { path: other })).rejects.toBeInstanceOf(PathNotAllowedError);
    await expect(invoke('file:write', { path: other, data: 'x' })).rejects.toBeInstanceOf(PathNotAllowedError);
    expect(deps.readTextFile).not.toHaveBeenCalled();
    expect(deps.writeFile).not.toHaveBeenCalled();
  });

  it('refuses to write a path chosen for opening', async () => {
    const { invoke, deps } = setup();
    await invoke('dialog:open', { filters });
    await expect(invoke('file:read', { path: chosen })).resolves.toBe(`contents of ${chosen}`);
    const refused = invoke('file:write', { path: chosen, data: '{}' });
    await expect(refused).rejects.toBeInstanceOf(PathNotAllowedError);
    await expect(refused).rejects.toThrow(/not a file chosen in a Save dialog/);
    expect(deps.writeFile).not.toHaveBeenCalled();
  });

  it('writes a path chosen for saving, but does not read it', async () => {
    const { invoke, deps } = setup();
    await invoke('dialog:save', { defaultName: 'run.json', filters });
    await expect(invoke('file:write', { path: chosen, data: '{}' })).resolves.toBeUndefined();
    expect(deps.writeFile).toHaveBeenCalledWith(chosen, '{}');
    await expect(invoke('file:read', { path: chosen })).rejects.toThrow(/not a file chosen in an Open dialog/);
    await expect(invoke('file:readBytes', { path: chosen })).rejects.toBeInstanceOf(PathNotAllowedError);
    expect(deps.readTextFile).not.toHaveBeenCalled();
    expect(deps.readFileBytes).not.toHaveBeenCalled();
  });

  it('allows a path only after a dialog returned it', async () => {
    const { invoke } = setup();
    await expect(invoke('file:write', { path: chosen, data: '{}' })).rejects.toBeInstanceOf(PathNotAllowedError);
    await expect(invoke('dialog:save', { defaultName: 'run.json', filters })).resolves.toBe(chosen);
    await expect(invoke('file:write', { path: chosen, data: '{}' })).resolves.toBeUndefined();
  });

  it('allows nothing when the dialog is cancelled', async () => {
    const { invoke } = setup(null);
    await expect(invoke('dialog:open', { filters })).resolves.toBeNull();
    await expect(invoke('file:read', { path: chosen })).rejects.toBeInstanceOf(PathNotAllowedError);
  });

  it('normalizes paths, so a detour through .. does not escape the allow-list', async () => {
    const { invoke, deps } = setup();
    await invoke('dialog:open', { filters });
    const detour = path.join(path.dirname(chosen), '..', path.basename(path.dirname(chosen)), 'run.json');
    await expect(invoke('file:read', { path: detour })).resolves.toBe(`contents of ${chosen}`);
    expect(deps.readTextFile).toHaveBeenCalledWith(chosen);
    await expect(invoke('file:read', { path: `${chosen}/../../../etc/passwd` })).rejects.toBeInstanceOf(
      PathNotAllowedError,
    );
  });

  it('refuses relative paths even when they resolve to a chosen file', async () => {
    const { invoke } = setup();
    await invoke('dialog:open', { filters });
    await expect(invoke('file:read', { path: path.relative(process.cwd(), chosen) })).rejects.toBeInstanceOf(
      PathNotAllowedError,
    );
  });
});

describe('recent files over IPC', () => {
  it('adds only files the user chose, to open or to save, newest first', async () => {
    const { invoke } = setup(chosen, [other]);
    await expect(invoke('recent:add', { path: chosen })).rejects.toBeInstanceOf(PathNotAllowedError);
    await invoke('dialog:save', { defaultName: 'run.json', filters });
    await expect(invoke('recent:add', { path: chosen })).resolves.toEqual([chosen, other]);
    await expect(invoke('recent:list', {})).resolves.toEqual([chosen, other]);

    const opened = setup(chosen, [other]);
    await opened.invoke('dialog:open', { filters });
    await expect(opened.invoke('recent:add', { path: chosen })).resolves.toEqual([chosen, other]);
  });

  it('reads a recent file from an earlier session, and nothing else', async () => {
    const { invoke, deps } = setup(null, [chosen]);
    await expect(invoke('recent:read', { path: other })).rejects.toBeInstanceOf(PathNotAllowedError);
    // Bytes, so a binary project is never decoded as text.
    await expect(invoke('recent:read', { path: chosen })).resolves.toEqual(new TextEncoder().encode(`bytes of ${chosen}`));
    expect(deps.readFileBytes.mock.calls).toEqual([[chosen]]);
    expect(deps.readTextFile).not.toHaveBeenCalled();
    // Opened from the list, it goes to the top of the list; it is read-only until chosen in a Save dialog.
    await expect(invoke('recent:add', { path: chosen })).resolves.toEqual([chosen]);
    await expect(invoke('file:write', { path: chosen, data: '{}' })).rejects.toBeInstanceOf(PathNotAllowedError);
    expect(deps.writeFile).not.toHaveBeenCalled();
  });
});

describe('isAppUrl', () => {
  it('matches the same scheme and host, for the app: page and for the dev server', () => {
    expect(isAppUrl('app://losscape/index.html#/surface', appUrl)).toBe(true);
    expect(isAppUrl('app://losscape/other.html', appUrl)).toBe(true);
    expect(isAppUrl('app://losscape.evil/index.html', appUrl)).toBe(false);
    expect(isAppUrl('evil://losscape/index.html', appUrl)).toBe(false);
    expect(isAppUrl('file:///app/dist/index.html', appUrl)).toBe(false);
    expect(isAppUrl('http://localhost:5173/src/x', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('not a url', appUrl)).toBe(false);
  });
});

describe('createSenderCheck', () => {
  it('accepts our window main frame and follows the current list of windows', () => {
    const windows = [{ webContents: { id: 7 } }];
    const check = createSenderCheck(() => windows, appUrl);
    expect(check(event(7))).toBe(true);
    windows.pop();
    expect(check(event(7))).toBe(false);
  });
});
