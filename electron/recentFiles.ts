/**
 * The recent project files as the main process keeps them: a JSON file in the user-data
 * folder (a missing or corrupt file is an empty list), changed through `createRecentFiles`.
 */
import { writeFileAtomic, type AtomicWriteFs } from '../cli/atomicWrite.js';
import { parseRecentFiles, withRecent } from './recentList.js';

/** Reads the list file; a missing or unreadable file gives an empty list. */
export async function loadRecentFiles(file: string, fs: { readFile(path: string, encoding: 'utf8'): Promise<string> }): Promise<string[]> {
  try {
    return parseRecentFiles(await fs.readFile(file, 'utf8'));
  } catch {
    return [];
  }
}

/** The main process's list: read it, add to it (saving each change through `save`). */
export interface RecentFiles {
  list(): string[];
  has(path: string): boolean;
  /** Moves `path` to the front and saves the list; answers the new list. */
  add(path: string): Promise<string[]>;
}

/** A recent-files list starting at `initial`, each change written with `save`. */
export function createRecentFiles(initial: readonly string[], save: (list: string[]) => Promise<void>): RecentFiles {
  let list = [...initial];
  return {
    list: () => [...list],
    has: (path) => list.includes(path),
    async add(path) {
      list = withRecent(list, path);
      await save(list);
      return [...list];
    },
  };
}

/** Writes the list file atomically. */
export function saveRecentFiles(file: string, list: readonly string[], fs?: AtomicWriteFs): Promise<void> {
  return writeFileAtomic(file, `${JSON.stringify(list, null, 2)}\n`, fs);
}
