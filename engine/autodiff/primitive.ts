import type { Tensor } from '../tensor/tensor.js';

/**
 * Forward-mode rule for one input: the output tangent contributed by that input's tangent.
 * May return a tensor of the input's shape; the walker broadcasts it to the output's shape.
 */
export type JvpRule<P> = (tangent: Tensor, ans: Tensor, inputs: readonly Tensor[], params: P) => Tensor;

/**
 * Reverse-mode rule for one input: that input's cotangent given the output's cotangent `g`.
 * May return a tensor of the output's shape; the walker sums it down to the input's shape.
 */
export type VjpRule<P> = (g: Tensor, ans: Tensor, inputs: readonly Tensor[], params: P) => Tensor;

/**
 * A primitive operation: its forward kernel on raw tensors and, per input, its derivative
 * rules written with the same differentiable ops, so transforms compose (jvp of grad, …).
 * A primitive without rules is piecewise constant: its output carries no derivative.
 */
export interface Primitive<P = undefined> {
  readonly name: string;
  readonly impl: (inputs: readonly Tensor[], params: P) => Tensor;
  readonly jvp?: readonly (JvpRule<P> | null)[];
  readonly vjp?: readonly (VjpRule<P> | null)[];
}

const registry = new Map<string, Primitive<never>>();

/** Registers a primitive under its unique name and returns it. */
export function definePrimitive<P = undefined>(primitive: Primitive<P>): Primitive<P> {
  if (registry.has(primitive.name)) throw new Error(`primitive ${primitive.name} is defined twice`);
  registry.set(primitive.name, primitive as Primitive<never>);
  return primitive;
}

/** Every registered primitive's name, for tests that check each one has its cases. */
export function primitiveNames(): string[] {
  return [...registry.keys()];
}
