import { LosscapeError } from '../../errors.js';

/** An export that cannot be made as asked (a metric the file lacks, an unknown colormap, …). */
export class ExportError extends LosscapeError {}
