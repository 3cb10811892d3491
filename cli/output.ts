/** Where a command's result goes: a file written atomically, or stdout and nothing else. */
import { packFile } from '../engine/io/container.js';
import { writeFileAtomic } from './atomicWrite.js';
import { CliError } from './errors.js';

/** Writes to stdout; a reader that closes the pipe early (EPIPE, as `| head` does) is no error. */
function writeStdout(text: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? resolve() : reject(error));
    process.stdout.once('error', onError);
    process.stdout.write(text, (error) => {
      if (error) return; // reported through onError
      process.stdout.off('error', onError);
      resolve();
    });
  });
}

/**
 * Writes a file's JSON value to `out` atomically — in the binary form (./container.ts) when
 * `out` ends in .npz, else as JSON text — or as JSON to stdout when `out` is undefined.
 */
export async function writeResult(value: unknown, out: string | undefined): Promise<void> {
  if (out !== undefined && /\.npz$/i.test(out)) return writeOutput(packFile(value), out);
  let json: string;
  try {
    json = `${JSON.stringify(value)}\n`;
  } catch (error) {
    // V8's strings end at about 512 MB: a large run's trajectory as decimal text does not fit.
    if (error instanceof RangeError) throw new CliError(`this result is too large for JSON text: write it as .npz (--out ${out === undefined ? 'FILE' : out.replace(/\.json$/i, '')}.npz), which also keeps it at its float64 size`);
    throw error;
  }
  return writeOutput(json, out);
}

/** Writes text or bytes to `out` atomically, or to stdout when `out` is undefined. */
export async function writeOutput(data: string | Uint8Array, out: string | undefined): Promise<void> {
  if (out === undefined) {
    if (typeof data !== 'string' && process.stdout.isTTY) throw new CliError('this format is binary: give --out FILE (or redirect stdout)');
    return writeStdout(data);
  }
  try {
    await writeFileAtomic(out, data);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot write ${out}: ${code ?? (error as Error).message}`);
  }
}
