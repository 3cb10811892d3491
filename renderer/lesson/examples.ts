// Expressions to start from: the lecture's two examples first, then a few that show other
// rules (a neuron, a repeated operand, a quotient). Each comes with values that give
// readable numbers, and the seeds the lecture uses (ȧ on w₁, ā on y₂).

export interface LessonExample {
  id: string;
  title: string;
  source: string;
  values: Record<string, number>;
  /** The input forward mode seeds and the output reverse mode seeds, when not the first. */
  wrt?: string;
  of?: string;
}

export const lessonExamples: LessonExample[] = [
  { id: 'lecture', title: 'y₁ = sin(w₁x + w₀), y₂ = cos(w₁x + w₀)', source: 'y1 = sin(w1*x + w0); y2 = cos(w1*x + w0)', values: { w0: 0.5, w1: 2, x: 0.75 }, wrt: 'w1', of: 'y2' },
  { id: 'squared-loss', title: 'L = ½(wx − y)²', source: 'L = 0.5*(w*x - y)^2', values: { w: 2, x: 3, y: 1 }, wrt: 'w' },
  { id: 'neuron', title: 'A logistic neuron with its loss', source: 'z = sigmoid(w*x + b)\nL = 0.5*(z - y)^2', values: { b: 0.1, w: -0.8, x: 1.5, y: 1 }, wrt: 'w', of: 'L' },
  { id: 'product', title: 'f = x·y + sin(x)', source: 'x*y + sin(x)', values: { x: 2, y: 3 } },
  { id: 'quotient', title: 'f = exp(x)/(1 + x²)', source: 'exp(x) / (1 + x*x)', values: { x: 0.5 } },
];

/** The example the lesson opens with: the lecture's y₁, y₂. */
export const defaultExample = lessonExamples[0];
