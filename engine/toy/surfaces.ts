// Functions of two variables for the walking skeleton and the lecture's first pictures:
// evaluated on a grid with their gradient field, both by the engine.
import { ValueError } from '../errors.js';
import { axisValues, type AxisRange } from '../landscape/grid.js';
import { add, mul, pow, sub } from '../autodiff/primitives/arithmetic.js';
import { vjp } from '../autodiff/transforms.js';
import { fromData, ones, type Tensor } from '../tensor/tensor.js';

export type ToySurfaceName = 'saddle' | 'bowl' | 'monkey-saddle' | 'rosenbrock';

interface ToySurface {
  label: string;
  formula: string;
  /** Elementwise f(x, y) on tensors of equal shape. */
  f: (x: Tensor, y: Tensor) => Tensor;
}

export const toySurfaces: Record<ToySurfaceName, ToySurface> = {
  saddle: { label: 'Saddle', formula: 'x² − y²', f: (x, y) => sub(pow(x, 2), pow(y, 2)) },
  bowl: { label: 'Bowl', formula: 'x² + y²', f: (x, y) => add(pow(x, 2), pow(y, 2)) },
  'monkey-saddle': {
    label: 'Monkey saddle',
    formula: 'x³ − 3xy²',
    f: (x, y) => sub(pow(x, 3), mul(mul(x, pow(y, 2)), 3)),
  },
  rosenbrock: {
    label: 'Rosenbrock',
    formula: '(1 − x)² + 100(y − x²)²',
    f: (x, y) => add(pow(sub(1, x), 2), mul(pow(sub(y, pow(x, 2)), 2), 100)),
  },
};

export type AxisSpec = AxisRange;

export interface GridAxes {
  x: AxisSpec;
  y: AxisSpec;
}

/** Values and gradient field on a grid: z[i·ny + j] = f(x[i], y[j]), likewise gradX, gradY. */
export interface ToyGrid {
  name: ToySurfaceName;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  gradX: Float64Array;
  gradY: Float64Array;
}

/** Evaluates a toy surface and its gradient (reverse mode, one pass for the whole grid). */
export function evaluateToySurface(name: ToySurfaceName, axes: GridAxes): ToyGrid {
  const surface = toySurfaces[name];
  if (!surface) {
    throw new ValueError(`unknown toy surface "${name}"; choose one of ${Object.keys(toySurfaces).join(', ')}`);
  }
  const x = axisValues(axes.x, 'x');
  const y = axisValues(axes.y, 'y');
  const n = x.length * y.length;
  const X = new Float64Array(n);
  const Y = new Float64Array(n);
  for (let i = 0; i < x.length; i++) {
    for (let j = 0; j < y.length; j++) {
      X[i * y.length + j] = x[i];
      Y[i * y.length + j] = y[j];
    }
  }
  // f is elementwise, so pulling back a cotangent of ones gives the gradient field
  // at every point: values and both partial derivatives from one reverse pass.
  const [z, pullback] = vjp(surface.f, [fromData(X, [n]), fromData(Y, [n])]);
  const [gradX, gradY] = pullback(ones([n]));
  return { name, x, y, z: z.data, gradX: gradX.data, gradY: gradY.data };
}
