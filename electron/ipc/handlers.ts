/**
 * What each IPC channel does once its payload is validated. Dialogs add the chosen path to
 * the session's allow-list; file reads and writes accept only allow-listed paths.
 */
import type { WebContents } from 'electron';
import type { InvokeChannel, RequestOf, ResponseOf } from './channels.js';
import type { UserPaths } from './userPaths.js';

/** One handler per channel, typed from the channel registry. */
export type IpcHandlers = {
  [C in InvokeChannel]: (request: RequestOf<C>, sender: WebContents) => Promise<ResponseOf<C>>;
};

/** The side effects the handlers need, injected so they can be faked in tests. */
export interface IpcHandlerDeps {
  showOpenDialog(request: RequestOf<'dialog:open'>, sender: WebContents): Promise<string | null>;
  showSaveDialog(request: RequestOf<'dialog:save'>, sender: WebContents): Promise<string | null>;
  readTextFile(path: string): Promise<string>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  userPaths: UserPaths;
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
    'file:write': (request) => deps.writeFile(deps.userPaths.require(request.path), request.data),
  };
}
