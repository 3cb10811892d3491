/**
 * The allow-list of files the user picked through a dialog in this session. The renderer
 * may read or write a path only after the user chose it; anything else is refused, so a
 * compromised renderer cannot reach the rest of the disk.
 */
import path from 'node:path';

/** A path the user did not choose through a dialog in this session. */
export class PathNotAllowedError extends Error {
  override name = 'PathNotAllowedError';
}

/** The session's user-chosen paths. */
export interface UserPaths {
  /** Record a path the user chose in an open or save dialog. */
  allow(chosen: string): void;
  /** The normalized path if the user chose it; throws `PathNotAllowedError` otherwise. */
  require(requested: string): string;
}

/** Creates an empty allow-list; paths are compared after `path.resolve` normalization. */
export function createUserPaths(): UserPaths {
  const allowed = new Set<string>();
  return {
    allow(chosen) {
      allowed.add(path.resolve(chosen));
    },
    require(requested) {
      const normalized = path.resolve(requested);
      if (!path.isAbsolute(requested) || !allowed.has(normalized)) {
        throw new PathNotAllowedError(`not a file chosen in a dialog: ${requested}`);
      }
      return normalized;
    },
  };
}
