/** Parsers for `losscape symmetry`'s transform options, which keep their command-line order. */
import { InvalidArgumentError } from 'commander';
import type { SymmetryTransform } from '../../engine/analysis/symmetry/index.js';

/** A transform as asked for: a permutation may still be `random` until the model's width is known. */
export type TransformRequest = Exclude<SymmetryTransform, { kind: 'permute' }> | { kind: 'permute'; layer: number; permutation: number[] | 'random' };

/** A request with its position on the command line. */
export interface Ordered {
  order: number;
  request: TransformRequest;
}

function wholeNumber(text: string, what: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${what} must be a whole number ≥ 0, got "${text}"`);
  return n;
}

function factorOf(text: string): number {
  const a = Number(text);
  if (text.trim() === '' || !Number.isFinite(a)) throw new InvalidArgumentError(`the factor must be a number, got "${text}"`);
  return a;
}

function parts(value: string, count: number, shape: string): string[] {
  const p = value.split(':');
  if (p.length !== count) throw new InvalidArgumentError(`expected ${shape}, got "${value}"`);
  return p;
}

/** `layer:3,0,2,1` or `layer:random`. */
export function parsePermute(value: string): TransformRequest {
  const [layer, perm] = parts(value, 2, 'layer:perm (e.g. 0:2,0,1 or 0:random)');
  const permutation = perm === 'random' ? 'random' : perm.split(',').map((i) => wholeNumber(i, 'a unit index'));
  return { kind: 'permute', layer: wholeNumber(layer, 'the layer'), permutation };
}

/** `layer:unit`. */
export function parseFlip(value: string): TransformRequest {
  const [layer, unit] = parts(value, 2, 'layer:unit (e.g. 0:3)');
  return { kind: 'flip', layer: wholeNumber(layer, 'the layer'), unit: wholeNumber(unit, 'the unit') };
}

/** `layer:unit:a` for a rescaling (kind `rescale`) or a scaling in front of batch norm (`bn-scale`). */
export function parseScale(kind: 'rescale' | 'bn-scale') {
  return (value: string): TransformRequest => {
    const [layer, unit, factor] = parts(value, 3, 'layer:unit:a (e.g. 0:3:2.5)');
    return { kind, layer: wholeNumber(layer, 'the layer'), unit: wholeNumber(unit, 'the unit'), factor: factorOf(factor) };
  };
}

/** An option parser that appends to the option's list, numbering each value in command-line order across options. */
export function orderedCollector(counter: { next: number }, parse: (value: string) => TransformRequest) {
  return (value: string, previous: Ordered[] | undefined): Ordered[] => [...(previous ?? []), { order: counter.next++, request: parse(value) }];
}
