// The recent project files. In Electron the main process keeps their paths and reopens them;
// a browser cannot reopen a file by name, so the web build keeps the names in localStorage
// as reminders and picking one asks for the file again.
import { parseRecentFiles, withRecent } from '../../electron/recentList.js';
import type { KeyValueStorage } from './autosave.js';
import { baseName, bridge, openBinaryFile, type FileFilter, type OpenedBytes } from './files.js';

/** Where the web build keeps the names. */
export const RECENT_KEY = 'losscape.recent';

/** The recent project files, newest first: paths in Electron, names in a browser. */
export async function recentProjects(storage: KeyValueStorage): Promise<string[]> {
  const electron = bridge();
  return electron ? electron.recentFiles() : parseRecentFiles(storage.getItem(RECENT_KEY) ?? '[]');
}

/** Puts a project just opened or saved (its path in Electron, its name in a browser) first; answers the list. */
export async function rememberProject(storage: KeyValueStorage, where: string): Promise<string[]> {
  const electron = bridge();
  if (electron) return electron.addRecentFile(where);
  const list = withRecent(parseRecentFiles(storage.getItem(RECENT_KEY) ?? '[]'), where);
  storage.setItem(RECENT_KEY, JSON.stringify(list));
  return list;
}

/** Opens a recent project, as bytes (JSON or the binary form): read directly in Electron, picked again in a browser; null when cancelled. */
export async function openRecentProject(entry: string, filters: FileFilter[]): Promise<OpenedBytes | null> {
  const electron = bridge();
  if (!electron) return openBinaryFile(filters);
  return { name: baseName(entry), bytes: await electron.readRecentFile(entry), path: entry };
}
