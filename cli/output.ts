/** Where a command's result goes: a file written atomically, or stdout and nothing else. */
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

/** Writes `value` as JSON to `out` atomically, or to stdout when `out` is undefined. */
export async function writeJson(value: unknown, out: string | undefined): Promise<void> {
  const json = `${JSON.stringify(value)}\n`;
  if (out === undefined) return writeStdout(json);
  try {
    await writeFileAtomic(out, json);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot write ${out}: ${code ?? (error as Error).message}`);
  }
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
