/** Base class of every error Losscape raises on purpose: the message says what to do. */
export class LosscapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Tensor shapes that an operation cannot combine; the message names the op and the shapes. */
export class ShapeError extends LosscapeError {}

/** A value outside what an operation accepts (an axis out of range, a negative size, …). */
export class ValueError extends LosscapeError {}

/** Formats a shape the way numpy prints it: `[150, 3]`. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * A piece of a user's file quoted in a message: at most `max` characters (cut with `…`),
 * control characters and undecodable bytes (U+FFFD) escaped, so the message stays one
 * readable line whatever the file held.
 */
export function excerpt(text: string, max = 40): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffd]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A short, printable rendering of a value found in a file or given by a caller, for messages. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  if (typeof value === 'string') return `"${excerpt(value)}"`;
  return String(value);
}
