/**
 * The allow-lists of files the user picked through a dialog in this session, one for reading
 * and one for writing. A file chosen in an Open dialog may be read, a file chosen in a Save
 * dialog may be written; anything else is refused, so a compromised renderer can neither
 * reach the rest of the disk nor overwrite a file the user only meant to open.
 */
import path from 'node:path';

/** A path the user did not choose, in this session, through the dialog that grants the access asked for. */
export class PathNotAllowedError extends Error {
  override name = 'PathNotAllowedError';
}

/** What the renderer may do with a path: read it (chosen to open) or write it (chosen to save). */
export type PathAccess = 'read' | 'write';

/** The session's user-chosen paths. */
export interface UserPaths {
  /** Record a path the user chose for `access`: in an Open dialog to read it, in a Save dialog to write it. */
  allow(chosen: string, access: PathAccess): void;
  /**
   * The normalized path if the user chose it for `access` ('any': for either); throws
   * `PathNotAllowedError` otherwise.
   */
  require(requested: string, access: PathAccess | 'any'): string;
}

const refusal: Record<PathAccess | 'any', string> = {
  read: 'not a file chosen in an Open dialog, so it may not be read',
  write: 'not a file chosen in a Save dialog, so it may not be written (files chosen to open are read-only)',
  any: 'not a file chosen in a dialog',
};

/** Creates empty allow-lists; paths are compared after `path.resolve` normalization. */
export function createUserPaths(): UserPaths {
  const allowed: Record<PathAccess, Set<string>> = { read: new Set(), write: new Set() };
  const isAllowed = (normalized: string, access: PathAccess | 'any') =>
    access === 'any' ? allowed.read.has(normalized) || allowed.write.has(normalized) : allowed[access].has(normalized);
  return {
    allow(chosen, access) {
      allowed[access].add(path.resolve(chosen));
    },
    require(requested, access) {
      const normalized = path.resolve(requested);
      if (!path.isAbsolute(requested) || !isAllowed(normalized, access)) {
        throw new PathNotAllowedError(`${refusal[access]}: ${requested}`);
      }
      return normalized;
    },
  };
}
