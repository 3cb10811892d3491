/**
 * The renderer's API: named actions over the channel registry. It is built from an
 * `ipcRenderer` in the preload and exposed as `window.losscape`; `ipcRenderer` itself is
 * never handed to the page.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import {
  isMenuAction,
  menuActionChannel,
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
  return {
    /** Asks the user for a file to open; answers its path, or null when cancelled. */
    chooseFileToOpen: (filters: FileFilter[]) => invoke('dialog:open', { filters }),
    /** Asks the user where to save `defaultName`; answers the path, or null when cancelled. */
    chooseFileToSave: (defaultName: string, filters: FileFilter[]) =>
      invoke('dialog:save', { defaultName, filters }),
    /** Reads a file the user chose, as UTF-8 text. */
    readTextFile: (path: string) => invoke('file:read', { path }),
    /** Writes text or bytes to a file the user chose, atomically. */
    writeFile: (path: string, data: string | Uint8Array) => invoke('file:write', { path, data }),
    /** The recent project files, newest first. */
    recentFiles: () => invoke('recent:list', {}),
    /** Puts a project file the user opened or saved at the top of the recent files; answers the list. */
    addRecentFile: (path: string) => invoke('recent:add', { path }),
    /** Reads one of the recent project files as UTF-8 text. */
    readRecentFile: (path: string) => invoke('recent:read', { path }),
    /** Calls `listener` with each menu command; answers a function that unsubscribes. */
    onMenuAction(listener: (action: MenuAction) => void): () => void {
      const handler = (_event: IpcRendererEvent, action: unknown) => {
        if (isMenuAction(action)) listener(action);
      };
      ipcRenderer.on(menuActionChannel, handler);
      return () => {
        ipcRenderer.removeListener(menuActionChannel, handler);
      };
    },
  };
}
