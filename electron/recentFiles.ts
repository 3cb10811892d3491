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

/** The main process's list: read it, add to it, clear it (saving each change through `save`). */
export interface RecentFiles {
  list(): string[];
  has(path: string): boolean;
  /** Moves `path` to the front and saves the list; answers the new list. */
  add(path: string): Promise<string[]>;
  /** Empties the list and saves it. */
  clear(): Promise<void>;
}

/**
 * A recent-files list starting at `initial`. Each change is reported to `changed` (the native
 * menu follows the list even if saving fails), then written with `save`.
 */
export function createRecentFiles(initial: readonly string[], save: (list: string[]) => Promise<void>, changed: (list: string[]) => void = () => undefined): RecentFiles {
  let list = [...initial];
  const update = async (next: string[]) => {
    list = next;
    changed([...list]);
    await save([...list]);
  };
  return {
    list: () => [...list],
    has: (path) => list.includes(path),
    async add(path) {
      await update(withRecent(list, path));
      return [...list];
    },
    clear: () => update([]),
  };
}

/** Writes the list file atomically. */
export function saveRecentFiles(file: string, list: readonly string[], fs?: AtomicWriteFs): Promise<void> {
  return writeFileAtomic(file, `${JSON.stringify(list, null, 2)}\n`, fs);
}
