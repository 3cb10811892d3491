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
