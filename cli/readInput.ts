/** Reading a file named on the command line. */
import { readFile } from 'node:fs/promises';
import { CliError } from './errors.js';

/** The bytes of the file `path` (what the file readers take: JSON text or the binary form); a file that cannot be read is a CliError naming it. */
export async function readInput(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
