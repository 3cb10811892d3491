/**
 * Keeps the native places that show the recent files in step with the main process's list:
 * File → Open Recent in the application menu (rebuilt on each change) and, where the shell
 * keeps an app's recent documents (macOS's Dock menu, Windows's jump list), that list too.
 */
import type { App, MenuItemConstructorOptions } from 'electron';

/** Platforms whose shell lists an app's recent documents. */
const SHELL_RECENT_PLATFORMS: readonly NodeJS.Platform[] = ['darwin', 'win32'];

/** What `showRecentFiles` needs: Electron's `Menu` and `app`, the platform, and the menu template. */
export interface RecentFilesUi<M> {
  menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): M; setApplicationMenu(menu: M): void };
  app: Pick<App, 'addRecentDocument' | 'clearRecentDocuments'>;
  platform: NodeJS.Platform;
  /** The application menu for a list of recent files, newest first. */
  template(files: readonly string[]): MenuItemConstructorOptions[];
}

/** Sets the application menu for `initial`; answers the function to call with each new list. */
export function showRecentFiles<M>(ui: RecentFilesUi<M>, initial: readonly string[]): (files: readonly string[]) => void {
  const setMenu = (files: readonly string[]) => ui.menu.setApplicationMenu(ui.menu.buildFromTemplate(ui.template(files)));
  setMenu(initial);
  const shellKeepsRecent = SHELL_RECENT_PLATFORMS.includes(ui.platform);
  return (files) => {
    setMenu(files);
    if (!shellKeepsRecent) return;
    // The list changes by a file going to the front (opened or saved) or by being cleared.
    if (files.length === 0) ui.app.clearRecentDocuments();
    else ui.app.addRecentDocument(files[0]);
  };
}
