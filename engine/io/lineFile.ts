// The line file (losscape.line/1) that `losscape line` writes: a 1D slice
// values.loss[k] = L(center + t[k]·direction).
import { LosscapeError } from '../errors.js';

export const LINE_FORMAT = 'losscape.line/1';

export interface LineFile {
  format: typeof LINE_FORMAT;
  /** What the line joins, e.g. `init → final`. */
  line: string;
  center: number[];
  direction: number[];
  split: 'train' | 'test';
  norm: 'batch' | 'running';
  t: number[];
  values: { loss: number[]; accuracy?: number[] };
}

/** A line file that cannot be read; the message says what is wrong with it. */
export class LineFileError extends LosscapeError {}

/** Parses and checks a line file's text. */
export function readLineFile(text: string): LineFile {
  let file: Partial<LineFile>;
  try {
    file = JSON.parse(text);
  } catch (e) {
    throw new LineFileError(`this is not a line file: the JSON does not parse (${(e as Error).message})`);
  }
  if (typeof file !== 'object' || file === null || file.format !== LINE_FORMAT) {
    throw new LineFileError(`this is not a ${LINE_FORMAT} file (format: ${JSON.stringify(file?.format)})`);
  }
  const { t, values } = file;
  if (!Array.isArray(t) || typeof values !== 'object' || values === null || !Array.isArray(values.loss)) {
    throw new LineFileError('the line file is incomplete: it needs t and values.loss');
  }
  for (const [name, v] of Object.entries(values)) {
    if (!Array.isArray(v) || v.length !== t.length) throw new LineFileError(`values.${name} must have ${t.length} entries, one per t`);
  }
  return file as LineFile;
}
