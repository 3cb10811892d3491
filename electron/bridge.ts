/**
 * The renderer's API: named actions over the channel registry. It is built from an
 * `ipcRenderer` in the preload and exposed as `window.losscape`; `ipcRenderer` itself is
 * never handed to the page.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import {
  isFilePath,
  isMenuAction,
  menuActionChannel,
  openRecentChannel,
  type FileFilter,
  type InvokeChannel,
  type MenuAction,
  type RequestOf,
  type ResponseOf,
} from './ipc/channels.js';

/** Builds the bridge's actions over `ipcRenderer`. */
export function createBridge(ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>) {
  const invoke = <C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> =>
    ipcRenderer.invoke(channel, request) as Promise<ResponseOf<C>>;
  /** Calls `listener` with each message on `channel` that `accept` passes; answers a function that unsubscribes. */
  const subscribe = <T>(channel: string, accept: (value: unknown) => value is T, listener: (value: T) => void): (() => void) => {
    const handler = (_event: IpcRendererEvent, value: unknown) => {
      if (accept(value)) listener(value);
    };
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  };
  return {
    /** Asks the user for a file to open; answers its path, or null when cancelled. */
    chooseFileToOpen: (filters: FileFilter[]) => invoke('dialog:open', { filters }),
    /** Asks the user where to save `defaultName`; answers the path, or null when cancelled. */
    chooseFileToSave: (defaultName: string, filters: FileFilter[]) =>
      invoke('dialog:save', { defaultName, filters }),
    /** Reads a file the user chose, as UTF-8 text. */
    readTextFile: (path: string) => invoke('file:read', { path }),
    /** Reads a file the user chose, as bytes. */
    readFileBytes: (path: string) => invoke('file:readBytes', { path }),
    /** Writes text or bytes to a file the user chose, atomically. */
    writeFile: (path: string, data: string | Uint8Array) => invoke('file:write', { path, data }),
    /** The recent project files, newest first. */
    recentFiles: () => invoke('recent:list', {}),
    /** Puts a project file the user opened or saved at the top of the recent files; answers the list. */
    addRecentFile: (path: string) => invoke('recent:add', { path }),
    /** Reads one of the recent project files as bytes (JSON or the binary form). */
    readRecentFile: (path: string) => invoke('recent:read', { path }),
    /** Calls `listener` with each menu command; answers a function that unsubscribes. */
    onMenuAction: (listener: (action: MenuAction) => void) => subscribe(menuActionChannel, isMenuAction, listener),
    /** Calls `listener` with the path of each file picked in File → Open Recent; answers a function that unsubscribes. */
    onOpenRecent: (listener: (path: string) => void) => subscribe(openRecentChannel, isFilePath, listener),
  };
}
