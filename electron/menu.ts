/**
 * The application menu as a plain template. Items the renderer carries out send a
 * `MenuAction` (or, for Open Recent, go to `RecentMenu`); quitting, reloading, zoom, full
 * screen and About use Electron's roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from './ipc/channels.js';

/** The File menu's Open Recent: the files, newest first, and what picking one or clearing does. */
export interface RecentMenu {
  files: readonly string[];
  open(path: string): void;
  clear(): void;
}

/** How the menu is built: development items, macOS's app menu, and the recent files (none if left out). */
export interface MenuOptions {
  isDev: boolean;
  isMac: boolean;
  recent?: RecentMenu;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

const noRecentFiles: RecentMenu = { files: [], open: () => undefined, clear: () => undefined };

/** The Open Recent submenu: one item per file (labelled with its path), then Clear Recently Opened. */
function openRecentMenu({ files, open, clear }: RecentMenu): MenuItemConstructorOptions {
  return {
    label: 'Open Recent',
    submenu: [
      // A single & in a label marks a keyboard mnemonic; && shows one.
      ...files.map((path) => ({ label: path.replaceAll('&', '&&'), click: () => open(path) })),
      ...(files.length > 0 ? [separator] : []),
      { label: 'Clear Recently Opened', enabled: files.length > 0, click: () => clear() },
    ],
  };
}

/** Builds the menu template; `onAction` receives the commands meant for the renderer. */
export function buildMenuTemplate(
  onAction: (action: MenuAction) => void,
  { isDev, isMac, recent = noRecentFiles }: MenuOptions,
): MenuItemConstructorOptions[] {
  const item = (label: string, action: MenuAction, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => onAction(action),
  });
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      item('New', 'new', 'CmdOrCtrl+N'),
      item('Open…', 'open', 'CmdOrCtrl+O'),
      openRecentMenu(recent),
      separator,
      item('Save', 'save', 'CmdOrCtrl+S'),
      item('Save As…', 'saveAs', 'CmdOrCtrl+Shift+S'),
      item('Export…', 'export', 'CmdOrCtrl+E'),
      separator,
      { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      item('3D Surface', 'view:3d', 'CmdOrCtrl+1'),
      item('Contour Plot', 'view:contour', 'CmdOrCtrl+2'),
      item('Heatmap', 'view:heatmap', 'CmdOrCtrl+3'),
      separator,
      item('Camera: Isometric', 'camera:iso'),
      item('Camera: Top', 'camera:top'),
      item('Camera: Side', 'camera:side'),
      item('Reset Camera', 'camera:reset'),
      separator,
      ...(isDev ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, separator] : []),
      { role: 'togglefullscreen' },
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [item('Keyboard Shortcuts', 'shortcuts', 'CmdOrCtrl+/'), { role: 'about', label: 'About Losscape' }],
  };
  // The Edit menu makes copy and paste work in text fields (on macOS only through the menu).
  const edit: MenuItemConstructorOptions = { role: 'editMenu' };
  return [...(isMac ? [{ role: 'appMenu' } as const] : []), file, edit, view, help];
}
