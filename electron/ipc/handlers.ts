/**
 * What each IPC channel does once its payload is validated. Dialogs add the chosen path to
 * the session's allow-list; file reads and writes accept only allow-listed paths, and a recent
 * file (chosen in an earlier session) is allow-listed when it is opened from the list.
 */
import type { WebContents } from 'electron';
import type { InvokeChannel, RequestOf, ResponseOf } from './channels.js';
import type { RecentFiles } from '../recentFiles.js';
import { PathNotAllowedError, type UserPaths } from './userPaths.js';

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

/** Builds the channel handlers over injected dialogs, file access and allow-list. */
export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  const remember = (chosen: string | null): string | null => {
    if (chosen !== null) deps.userPaths.allow(chosen);
    return chosen;
  };
  return {
    'dialog:open': async (request, sender) => remember(await deps.showOpenDialog(request, sender)),
    'dialog:save': async (request, sender) => remember(await deps.showSaveDialog(request, sender)),
    'file:read': (request) => deps.readTextFile(deps.userPaths.require(request.path)),
    'file:readBytes': (request) => deps.readFileBytes(deps.userPaths.require(request.path)),
    'file:write': (request) => deps.writeFile(deps.userPaths.require(request.path), request.data),
    'recent:list': async () => deps.recentFiles.list(),
    // Only files the user chose may become recent, and only recent files may be read back.
    'recent:add': (request) => deps.recentFiles.add(deps.userPaths.require(request.path)),
    'recent:read': (request) => {
      if (!deps.recentFiles.has(request.path)) throw new PathNotAllowedError(`not a recent file: ${request.path}`);
      deps.userPaths.allow(request.path);
      return deps.readTextFile(deps.userPaths.require(request.path));
    },
  };
}
