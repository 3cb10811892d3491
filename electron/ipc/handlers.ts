/**
 * What each IPC channel does once its payload is validated. An Open dialog allow-lists the
 * chosen path for reading, a Save dialog for writing; file reads and writes accept only paths
 * allow-listed for that access, and a recent file (chosen in an earlier session) is
 * allow-listed for reading when it is opened from the list.
 */
import type { WebContents } from 'electron';
import type { InvokeChannel, RequestOf, ResponseOf } from './channels.js';
import type { RecentFiles } from '../recentFiles.js';
import { PathNotAllowedError, type PathAccess, type UserPaths } from './userPaths.js';

/** One handler per channel, typed from the channel registry. */
export type IpcHandlers = {
  [C in InvokeChannel]: (request: RequestOf<C>, sender: WebContents) => Promise<ResponseOf<C>>;
};

/** The side effects the handlers need, injected so they can be faked in tests. */
export interface IpcHandlerDeps {
  showOpenDialog(request: RequestOf<'dialog:open'>, sender: WebContents): Promise<string | null>;
  showSaveDialog(request: RequestOf<'dialog:save'>, sender: WebContents): Promise<string | null>;
  readTextFile(path: string): Promise<string>;
  readFileBytes(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  userPaths: UserPaths;
  recentFiles: RecentFiles;
}

/** Builds the channel handlers over injected dialogs, file access and allow-lists. */
export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  const remember = (chosen: string | null, access: PathAccess): string | null => {
    if (chosen !== null) deps.userPaths.allow(chosen, access);
    return chosen;
  };
  return {
    'dialog:open': async (request, sender) => remember(await deps.showOpenDialog(request, sender), 'read'),
    // The app never reads back what it saved (recent files reopen through recent:read), so a saved path is write-only.
    'dialog:save': async (request, sender) => remember(await deps.showSaveDialog(request, sender), 'write'),
    'file:read': (request) => deps.readTextFile(deps.userPaths.require(request.path, 'read')),
    'file:readBytes': (request) => deps.readFileBytes(deps.userPaths.require(request.path, 'read')),
    'file:write': (request) => deps.writeFile(deps.userPaths.require(request.path, 'write'), request.data),
    'recent:list': async () => deps.recentFiles.list(),
    // Only files the user chose (to open or to save) may become recent, and only recent files may be read back.
    'recent:add': (request) => deps.recentFiles.add(deps.userPaths.require(request.path, 'any')),
    'recent:read': (request) => {
      if (!deps.recentFiles.has(request.path)) throw new PathNotAllowedError(`not a recent file: ${request.path}`);
      deps.userPaths.allow(request.path, 'read');
      return deps.readFileBytes(deps.userPaths.require(request.path, 'read'));
    },
  };
}
