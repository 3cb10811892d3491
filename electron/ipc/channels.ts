/**
 * The one registry of IPC channels, shared by the main process and the preload. Each
 * invoke channel names its request schema here and its response type in
 * `InvokeResponses`; the bridge and the handlers are typed from these, so they cannot drift.
 */
import { arrayOf, object, oneOf, text, textOrBytes, type Checked } from './validate.js';

/** Largest file the renderer may write in one call: 256 MiB. */
const maxFileSize = 256 * 1024 * 1024;

const filePath = text(4096);

const fileFilter = object({
  name: text(100),
  extensions: arrayOf(text(16, /^(\*|[A-Za-z0-9]+)$/), 16),
});

/** Request schemas of the renderer → main channels, by channel name. */
export const invokeChannels = {
  /** Ask the user for a file to open; answers its path, or null when cancelled. */
  'dialog:open': object({ filters: arrayOf(fileFilter, 16) }),
  /** Ask the user where to save; answers the chosen path, or null when cancelled. */
  'dialog:save': object({ defaultName: text(255, /^[^/\\]*$/), filters: arrayOf(fileFilter, 16) }),
  /** Read a user-chosen file as UTF-8 text. */
  'file:read': object({ path: filePath }),
  /** Read a user-chosen file as bytes (a binary file to open, such as an HDF5 surface). */
  'file:readBytes': object({ path: filePath }),
  /** Write text or bytes to a user-chosen file, atomically. */
  'file:write': object({ path: filePath, data: textOrBytes(maxFileSize) }),
  /** The recent project files, newest first. */
  'recent:list': object({}),
  /** Put a project file the user chose (open or save) at the top of the recent files. */
  'recent:add': object({ path: filePath }),
  /** Read one of the recent project files as bytes (a project is JSON or the binary .npz form). */
  'recent:read': object({ path: filePath }),
};

/** Name of a renderer → main channel. */
export type InvokeChannel = keyof typeof invokeChannels;

/** The payload a channel accepts. */
export type RequestOf<C extends InvokeChannel> = Checked<(typeof invokeChannels)[C]>;

/** What each renderer → main channel answers. */
export interface InvokeResponses {
  'dialog:open': string | null;
  'dialog:save': string | null;
  'file:read': string;
  'file:readBytes': Uint8Array;
  'file:write': void;
  'recent:list': string[];
  'recent:add': string[];
  'recent:read': Uint8Array;
}

/** The answer of a channel. */
export type ResponseOf<C extends InvokeChannel> = InvokeResponses[C];

/** A file-type filter for the open and save dialogs, e.g. `{ name: 'Run', extensions: ['json'] }`. */
export type FileFilter = Checked<typeof fileFilter>;

/** The main → renderer channel on which menu commands arrive. */
export const menuActionChannel = 'menu:action';

/** Menu commands the renderer carries out (quit, zoom, about and the like are handled by main). */
export const menuActions = [
  'new',
  'open',
  'save',
  'saveAs',
  'export',
  'shortcuts',
  'view:3d',
  'view:contour',
  'view:heatmap',
  'camera:iso',
  'camera:top',
  'camera:side',
  'camera:reset',
] as const;

/** A menu command for the renderer. */
export type MenuAction = (typeof menuActions)[number];

/** The schema of a menu command, for the renderer to check what arrives (as main checks the invoke payloads). */
export const menuActionCheck = oneOf(menuActions);

/** Whether a value received on `menuActionChannel` is a known menu command. */
export function isMenuAction(value: unknown): value is MenuAction {
  return (menuActions as readonly unknown[]).includes(value);
}

/** The main → renderer channel on which File → Open Recent sends the path of the file picked. */
export const openRecentChannel = 'menu:open-recent';

/** Whether a value received on `openRecentChannel` is a file path. */
export function isFilePath(value: unknown): value is string {
  try {
    return filePath(value, openRecentChannel) !== '';
  } catch {
    return false;
  }
}
