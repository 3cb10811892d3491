// Train/test splits drawn from the seeded stream (seed, 'split'). Within each split the
// samples keep their original order (sorted indices), so a split is easy to check by hand.
import { ValueError } from '../errors.js';
import { createRng, type Rng } from '../random.js';

/** Which samples go to training and which to testing; both sorted ascending. */
export interface SplitIndices {
  trainIndices: number[];
  testIndices: number[];
}

/** Fisher–Yates shuffle in place, drawing from rng. */
function shuffle(indices: number[], rng: Rng): number[] {
  for (let i = indices.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [indices[i], indices[j]] = [indices[j], indices[i]];
  }
  return indices;
}

const ascending = (a: number, b: number) => a - b;

/** Checks that testFraction lies in [0, 1). */
export function checkTestFraction(testFraction: number): void {
  if (!(testFraction >= 0 && testFraction < 1)) {
    throw new ValueError(`testFraction must lie in [0, 1) (0 trains on every sample), got ${testFraction}`);
  }
}

/** Random split of n samples: round(testFraction·n) go to the test split. */
export function randomSplit(n: number, testFraction: number, seed: number): SplitIndices {
  checkTestFraction(testFraction);
  const order = shuffle(Array.from({ length: n }, (_, i) => i), createRng(seed, 'split'));
  const nTest = Math.round(testFraction * n);
  return checked({ testIndices: order.slice(0, nTest).sort(ascending), trainIndices: order.slice(nTest).sort(ascending) }, testFraction, n);
}

/**
 * Stratified split: per class (in class order), shuffle that class's samples and send
 * round(testFraction·count) to the test split, so both splits keep the class proportions.
 * labels holds class indices 0…classes−1.
 */
export function stratifiedSplit(labels: Float64Array, classes: number, testFraction: number, seed: number, classNames: readonly string[] = []): SplitIndices {
  checkTestFraction(testFraction);
  const members: number[][] = Array.from({ length: classes }, () => []);
  labels.forEach((c, i) => members[c].push(i));
  const rng = createRng(seed, 'split');
  const trainIndices: number[] = [];
  const testIndices: number[] = [];
  members.forEach((idx, c) => {
    if (testFraction === 0 || idx.length === 0) return void trainIndices.push(...idx);
    const nTest = Math.round(testFraction * idx.length);
    const what = `class ${classNames[c] !== undefined ? `"${classNames[c]}"` : c}`;
    if (idx.length < 2) {
      throw new ValueError(`${what} has only 1 sample, too few to stratify: it cannot be in both the train and the test split; set stratify to false or testFraction to 0`);
    }
    if (nTest === idx.length) {
      throw new ValueError(`${what} has ${idx.length} samples and testFraction ${testFraction} would send all of them to the test split; lower testFraction`);
    }
    shuffle(idx, rng);
    testIndices.push(...idx.slice(0, nTest));
    trainIndices.push(...idx.slice(nTest));
  });
  return checked({ trainIndices: trainIndices.sort(ascending), testIndices: testIndices.sort(ascending) }, testFraction, labels.length);
}

/** Rejects splits that leave the train split empty, or the test split empty when one was asked for. */
function checked(split: SplitIndices, testFraction: number, n: number): SplitIndices {
  if (split.trainIndices.length === 0) {
    throw new ValueError(`testFraction ${testFraction} of ${n} samples leaves no training samples; lower testFraction`);
  }
  if (testFraction > 0 && split.testIndices.length === 0) {
    throw new ValueError(`testFraction ${testFraction} of ${n} samples leaves no test samples; raise it, or use 0 to train on every sample`);
  }
  return split;
}
