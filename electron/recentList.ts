/**
 * The list logic of recent files, with no I/O: newest first, no duplicates, at most
 * `MAX_RECENT`. The main process keeps paths with it (recentFiles.ts); the web build keeps
 * file names in localStorage with the same functions.
 */

/** How many recent files are remembered. */
export const MAX_RECENT = 8;

/** `list` with `entry` moved (or added) to the front, cut to `max` entries. */
export function withRecent(list: readonly string[], entry: string, max = MAX_RECENT): string[] {
  return [entry, ...list.filter((e) => e !== entry)].slice(0, max);
}

/** Parses a saved list; anything but a list of strings gives an empty one. */
export function parseRecentFiles(json: string): string[] {
  try {
    const raw: unknown = JSON.parse(json);
    return Array.isArray(raw) ? raw.filter((e): e is string => typeof e === 'string' && e !== '').slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}
