// The line file (losscape.line/1) that `losscape line` writes: a 1D slice
// values.loss[k] = L(center + t[k]·direction).
import { LosscapeError, shown } from '../errors.js';
import type { SampleSubset } from '../landscape/samples.js';
import { parseFile, schema, type FileInput } from './schema.js';
import { checkSamples, checkStdErrors } from './surfaceFile.js';

export const LINE_FORMAT = 'losscape.line/1';

export interface LineFile {
  format: typeof LINE_FORMAT;
  /** What the line joins, e.g. `init → final`. */
  line: string;
  center: number[];
  direction: number[];
  split: 'train' | 'test';
  norm: 'batch' | 'running';
  /** Set when the values come from a seeded subset of the split's samples, as in a surface file. */
  samples?: SampleSubset;
  t: number[];
  /** lossStdError: the standard error of each mean loss, with samples only. */
  values: { loss: number[]; accuracy?: number[]; lossStdError?: number[] };
}

/** A line file that cannot be read; the message says what is wrong with it. */
export class LineFileError extends LosscapeError {}

/**
 * Parses and checks a line file's text. As in a surface file, a null loss is a point that
 * diverged (JSON's NaN) and is left out of the plot; a line with no value at all is refused.
 */
export function readLineFile(text: FileInput): LineFile {
  const fail = (m: string) => new LineFileError(m);
  const file = parseFile(text, 'this is not a line file', fail) as Partial<LineFile> | null;
  if (typeof file !== 'object' || file === null || file.format !== LINE_FORMAT) {
    throw new LineFileError(`this is not a ${LINE_FORMAT} file (format: ${shown(file?.format)})`);
  }
  const s = schema('the line file', fail);
  const t = s.axis(file.t, 't');
  const values = s.object(file.values, 'values');
  const loss = s.numbers(values.loss, 'values.loss', { length: t.length, nulls: true });
  if (loss.every((v) => v === null)) throw s.fail(`${s.field('values.loss')} holds no value (every point is null): there is nothing to show`);
  const accuracy = values.accuracy === undefined ? {} : { accuracy: s.numbers(values.accuracy, 'values.accuracy', { length: t.length, nulls: true }) as number[] };
  const samples = file.samples === undefined ? undefined : checkSamples(s, file.samples);
  const lossStdError = checkStdErrors(s, values.lossStdError, samples, (v) => s.numbers(v, 'values.lossStdError', { length: t.length, nulls: true }));
  return {
    format: LINE_FORMAT,
    line: s.string(file.line, 'line'),
    center: s.numbers(file.center, 'center'),
    direction: s.numbers(file.direction, 'direction'),
    split: s.oneOf(file.split, 'split', ['train', 'test'] as const),
    norm: s.oneOf(file.norm, 'norm', ['batch', 'running'] as const),
    ...(samples ? { samples } : {}),
    t,
    values: { loss: loss as number[], ...accuracy, ...(lossStdError ? { lossStdError: values.lossStdError as number[] } : {}) },
  };
}
