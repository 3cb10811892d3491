/** The open and save dialogs, reduced to "the chosen path, or null when cancelled". */
import path from 'node:path';
import type { BaseWindow, Dialog } from 'electron';
import type { RequestOf } from './ipc/channels.js';

/** Shows an open-file dialog (modal to `parent` when given) and answers the chosen path or null. */
export async function showOpenDialog(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  parent: BaseWindow | null,
  request: RequestOf<'dialog:open'>,
): Promise<string | null> {
  const options = { properties: ['openFile' as const], filters: request.filters };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
}

/**
 * Shows a save dialog starting at `defaultDir`/`defaultName` and answers the chosen path or null.
 * The path chosen becomes writable, so choosing an existing file asks first (macOS and Windows
 * always do; GTK only with `showOverwriteConfirmation`).
 */
export async function showSaveDialog(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  parent: BaseWindow | null,
  request: RequestOf<'dialog:save'>,
  defaultDir: string,
): Promise<string | null> {
  const options = {
    defaultPath: path.join(defaultDir, request.defaultName),
    filters: request.filters,
    properties: ['showOverwriteConfirmation' as const],
  };
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
