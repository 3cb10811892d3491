import { LosscapeError } from '../../errors.js';

/** A file that cannot be imported (truncated, corrupt, or holding what Losscape cannot use); the message says which. */
export class ImportError extends LosscapeError {}
