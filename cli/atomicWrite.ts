/**
 * Atomic file writes: the data goes to a temporary file beside the target, which is then
 * renamed over it. Readers see the old file or the new one, never a half-written one, and
 * a failed write leaves the old file as it was.
 */
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';

/** The file-system calls an atomic write needs (injectable for tests). */
export type AtomicWriteFs = Pick<typeof nodeFs, 'writeFile' | 'rename' | 'rm'>;

/** Writes `data` to `file` atomically (temp file in the same folder, flushed, then renamed). */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  fs: AtomicWriteFs = nodeFs,
): Promise<void> {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  try {
    await fs.writeFile(temp, data, { flush: true });
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
