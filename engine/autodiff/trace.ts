// The whole machinery of forward and reverse mode, knowing no primitive by name.
// A value being differentiated is wrapped in a Box that belongs to one trace (one active
// jvp or vjp transform). Nested transforms make nested boxes; `bind` always works on the
// newest trace among its inputs and hands the rest down, so jvp-of-grad (hvp) just works.
import { shapesEqual } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import type { Primitive } from './primitive.js';
// The walker's own bookkeeping (accumulation and un-broadcasting) uses differentiable ops,
// so that cotangents stay traceable by outer transforms. The import cycle is safe: these
// are only called at run time, never while modules load.
import { add } from './primitives/arithmetic.js';
import { broadcastTo, sumTo } from './primitives/structure.js';

export interface Trace {
  readonly id: number;
  readonly kind: 'jvp' | 'vjp';
}

let traceCount = 0;

/** Opens a new trace; later traces nest inside earlier ones. */
export function newTrace(kind: Trace['kind']): Trace {
  return { id: ++traceCount, kind };
}

/** A traced value; it reads like its primal tensor, so shapes and values stay visible. */
export abstract class Box implements Tensor {
  constructor(
    readonly trace: Trace,
    readonly primal: Tensor,
  ) {}
  get shape() {
    return this.primal.shape;
  }
  get data() {
    return this.primal.data;
  }
}

/** Forward mode: a primal with its tangent (ȧ in the lecture). */
export class JvpBox extends Box {
  constructor(trace: Trace, primal: Tensor, readonly tangent: Tensor) {
    super(trace, primal);
  }
}

/** One recorded primitive application on the reverse-mode tape (a leaf has no primitive). */
export interface TapeNode {
  readonly primitive: Primitive<unknown> | null;
  readonly inputs: readonly Tensor[];
  readonly ans: Tensor;
  readonly params: unknown;
  readonly parents: readonly (TapeNode | null)[];
}

/** Reverse mode: a primal with its place on the tape. */
export class VjpBox extends Box {
  constructor(trace: Trace, primal: Tensor, readonly node: TapeNode) {
    super(trace, primal);
  }
}

/** A leaf of the tape, for an input of a vjp. */
export function leafNode(value: Tensor): TapeNode {
  return { primitive: null, inputs: [], ans: value, params: undefined, parents: [] };
}

function newestTrace(inputs: readonly Tensor[]): Trace | null {
  let top: Trace | null = null;
  for (const x of inputs) if (x instanceof Box && (!top || x.trace.id > top.id)) top = x.trace;
  return top;
}

function ownBox(x: Tensor, trace: Trace): Box | null {
  return x instanceof Box && x.trace === trace ? x : null;
}

/** Applies a primitive to tensors that may be boxed by any number of nested traces. */
export function bind<P>(primitive: Primitive<P>, inputs: readonly Tensor[], params: P): Tensor {
  const trace = newestTrace(inputs);
  if (!trace) return primitive.impl(inputs, params);
  const primals = inputs.map((x) => ownBox(x, trace)?.primal ?? x);
  const ans = bind(primitive, primals, params);
  return trace.kind === 'jvp'
    ? pushForward(primitive, trace, inputs, primals, ans, params)
    : record(primitive, trace, inputs, primals, ans, params);
}

function pushForward<P>(
  primitive: Primitive<P>,
  trace: Trace,
  inputs: readonly Tensor[],
  primals: readonly Tensor[],
  ans: Tensor,
  params: P,
): Tensor {
  let tangent: Tensor | null = null;
  inputs.forEach((x, i) => {
    const rule = primitive.jvp?.[i];
    const box = ownBox(x, trace) as JvpBox | null;
    if (!box || !rule) return;
    let t = rule(box.tangent, ans, primals, params);
    if (!shapesEqual(t.shape, ans.shape)) t = broadcastTo(t, ans.shape);
    tangent = tangent ? add(tangent, t) : t;
  });
  return tangent ? new JvpBox(trace, ans, tangent) : ans;
}

function record<P>(
  primitive: Primitive<P>,
  trace: Trace,
  inputs: readonly Tensor[],
  primals: readonly Tensor[],
  ans: Tensor,
  params: P,
): Tensor {
  if (!primitive.vjp) return ans;
  const parents = inputs.map((x, i) => (primitive.vjp?.[i] ? ((ownBox(x, trace) as VjpBox | null)?.node ?? null) : null));
  if (parents.every((p) => p === null)) return ans;
  const node: TapeNode = { primitive: primitive as Primitive<unknown>, inputs: primals, ans, params, parents };
  return new VjpBox(trace, ans, node);
}

/** Nodes reachable from `root`, parents before children. */
function topologicalOrder(root: TapeNode): TapeNode[] {
  const order: TapeNode[] = [];
  const seen = new Set<TapeNode>([root]);
  const stack: [TapeNode, number][] = [[root, 0]];
  while (stack.length) {
    const top = stack[stack.length - 1];
    const [node, next] = top;
    if (next < node.parents.length) {
      top[1]++;
      const parent = node.parents[next];
      if (parent && !seen.has(parent)) {
        seen.add(parent);
        stack.push([parent, 0]);
      }
    } else {
      order.push(node);
      stack.pop();
    }
  }
  return order;
}

/**
 * Runs the tape backwards from `root` with output cotangent `g` (ā of the output) and
 * returns the accumulated cotangent of every node reached.
 */
export function backward(root: TapeNode, g: Tensor): Map<TapeNode, Tensor> {
  const cotangents = new Map<TapeNode, Tensor>([[root, g]]);
  const order = topologicalOrder(root);
  for (let k = order.length - 1; k >= 0; k--) {
    const node = order[k];
    const ct = cotangents.get(node);
    if (!ct || !node.primitive) continue;
    node.parents.forEach((parent, i) => {
      if (!parent) return;
      const rule = node.primitive!.vjp![i]!;
      let c = rule(ct, node.ans, node.inputs, node.params);
      const shape = node.inputs[i].shape;
      if (!shapesEqual(c.shape, shape)) c = sumTo(c, shape);
      const prev = cotangents.get(parent);
      cotangents.set(parent, prev ? add(prev, c) : c);
    });
  }
  return cotangents;
}
