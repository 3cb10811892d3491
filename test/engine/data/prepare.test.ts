import { describe, expect, it } from 'vitest';
import { ValueError } from '../../../engine/errors.js';
import { loadBuiltin, loadDataset, oneHot, prepareData, synthetic, type DataSpec, type PreparedData } from '../../../engine/data/index.js';

/** Column j of x [n, d]. */
const column = (x: Float64Array, d: number, j: number) => Array.from({ length: x.length / d }, (_, i) => x[i * d + j]);
const meanOf = (v: number[]) => v.reduce((s, a) => s + a, 0) / v.length;
const stdOf = (v: number[]) => Math.sqrt(meanOf(v.map((a) => (a - meanOf(v)) ** 2)));

/** How many samples each class has, in class order. */
function classCounts(y: Float64Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  y.forEach((c) => counts[c]++);
  return counts;
}

const iris = (extra: Partial<DataSpec> = {}): PreparedData => prepareData({ source: { kind: 'builtin', name: 'iris' }, seed: 1, ...extra });

describe('prepareData: split', () => {
  it('holds out 20% by default, stratified: 40/10 per Iris class', () => {
    const p = iris();
    expect([p.train.n, p.test.n]).toEqual([120, 30]);
    expect(classCounts(p.train.y, 3)).toEqual([40, 40, 40]);
    expect(classCounts(p.test.y, 3)).toEqual([10, 10, 10]);
    expect(p.classes).toBe(3);
    expect(p.task).toBe('classification');
    expect(p.targetDim).toBe(1);
  });

  it('stratification keeps unequal class proportions: breast cancer 212/357 → 42/71 in test', () => {
    const p = prepareData({ source: { kind: 'builtin', name: 'breast-cancer' }, seed: 9, testFraction: 0.2 });
    expect(classCounts(p.test.y, 2)).toEqual([42, 71]);
    expect(classCounts(p.train.y, 2)).toEqual([170, 286]);
  });

  it('indices are disjoint, cover every sample once, and are ascending; rows follow them', () => {
    const p = iris();
    expect([...p.trainIndices, ...p.testIndices].sort((a, b) => a - b)).toEqual([...Array(150).keys()]);
    expect(p.trainIndices).toEqual([...p.trainIndices].sort((a, b) => a - b));
    expect(p.testIndices).toEqual([...p.testIndices].sort((a, b) => a - b));
    const raw = loadBuiltin('iris');
    p.testIndices.forEach((i, k) => expect(p.test.y[k]).toBe(raw.y[i]));
  });

  it('the same seed gives the same split; another seed a different one', () => {
    expect(iris({ seed: 5 }).testIndices).toEqual(iris({ seed: 5 }).testIndices);
    expect(iris({ seed: 5 }).testIndices).not.toEqual(iris({ seed: 6 }).testIndices);
    expect(iris({ seed: 5 }).train.x).toEqual(iris({ seed: 5 }).train.x);
  });

  it('without stratification the split is a plain shuffle: round(0.25·101) = 25 test samples', () => {
    const p = prepareData({ source: { kind: 'synthetic', name: 'sine', samples: 101, noise: 0.1 }, seed: 2, testFraction: 0.25 });
    expect([p.train.n, p.test.n]).toEqual([76, 25]);
    expect(p.classes).toBe(0);
    expect(p.classNames).toEqual([]);
    const raw = synthetic({ name: 'sine', samples: 101, noise: 0.1, seed: 2 });
    p.trainIndices.forEach((i, k) => expect(p.train.y[k]).toBe(raw.y[i]));
  });

  it('testFraction 0 trains on every sample, in the original order', () => {
    const p = iris({ testFraction: 0, standardize: false });
    expect(p.trainIndices).toEqual([...Array(150).keys()]);
    expect(p.test.n).toBe(0);
    expect(p.test.x.length).toBe(0);
    expect(p.train.x).toEqual(loadBuiltin('iris').x);
  });
});

describe('prepareData: standardization and the constant input', () => {
  it('train features get mean 0 and std 1; test features use the train statistics', () => {
    const p = prepareData({ source: { kind: 'builtin', name: 'wine' }, seed: 3 });
    const raw = loadBuiltin('wine');
    const s = p.standardization!;
    for (let j = 0; j < 13; j++) {
      const train = column(p.train.x, 13, j);
      expect(Math.abs(meanOf(train))).toBeLessThan(1e-12);
      expect(Math.abs(stdOf(train) - 1)).toBeLessThan(1e-12);
      const rawTrain = p.trainIndices.map((i) => raw.x[i * 13 + j]);
      expect(s.mean[j]).toBeCloseTo(meanOf(rawTrain), 10);
      expect(s.std[j]).toBeCloseTo(stdOf(rawTrain), 10);
      p.testIndices.forEach((i, k) => expect(p.test.x[k * 13 + j]).toBe((raw.x[i * 13 + j] - s.mean[j]) / s.std[j]));
    }
    // The test split was not used: its own mean is not exactly 0.
    expect(Math.abs(meanOf(column(p.test.x, 13, 0)))).toBeGreaterThan(1e-6);
  });

  it('a feature constant on the train split gets std 1 and standardizes to exactly 0', () => {
    const text = ['a,b,y', ...Array.from({ length: 10 }, (_, i) => `${i},0.1,${i % 2}`)].join('\n');
    const p = prepareData({ source: { kind: 'csv', text }, seed: 0, testFraction: 0 });
    expect(p.standardization).toEqual({ mean: [4.5, 0.1], std: [Math.sqrt(8.25), 1] });
    expect(column(p.train.x, 2, 1)).toEqual(new Array(10).fill(0));
  });

  it('standardize: false leaves the values as they are', () => {
    const p = iris({ standardize: false });
    expect(p.standardization).toBeNull();
    const raw = loadBuiltin('iris');
    p.trainIndices.forEach((i, k) => expect(Array.from(p.train.x.subarray(k * 4, k * 4 + 4))).toEqual(Array.from(raw.x.subarray(i * 4, i * 4 + 4))));
  });

  it('constantInput prepends x₀ = 1, exactly 1 in both splits and not standardized', () => {
    const plain = iris();
    const p = iris({ constantInput: true });
    expect(p.d).toBe(5);
    expect(p.featureNames).toEqual(['x₀ = 1', 'sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)']);
    for (const [split, ref] of [[p.train, plain.train], [p.test, plain.test]] as const) {
      expect(column(split.x, 5, 0)).toEqual(new Array(split.n).fill(1));
      for (let j = 0; j < 4; j++) expect(column(split.x, 5, j + 1)).toEqual(column(ref.x, 4, j));
    }
    expect(p.standardization!.mean).toHaveLength(4);
  });

  it('feature selection keeps the chosen columns in the given order', () => {
    const p = iris({ features: [3, 2], standardize: false, testFraction: 0 });
    expect(p.d).toBe(2);
    expect(p.featureNames).toEqual(['petal width (cm)', 'petal length (cm)']);
    expect(Array.from(p.train.x.subarray(0, 2))).toEqual([0.2, 1.4]);
  });
});

describe('prepareData: sources and errors', () => {
  it('synthetic sources draw from (seed, "data"): loadDataset matches synthetic()', () => {
    const a = loadDataset({ kind: 'synthetic', name: 'moons', samples: 50, noise: 0.1 }, 4);
    expect(a.x).toEqual(synthetic({ name: 'moons', samples: 50, noise: 0.1, seed: 4 }).x);
    const p = prepareData({ source: { kind: 'synthetic', name: 'blobs', samples: 90, noise: 0.2, classes: 3 }, seed: 4 });
    expect(classCounts(p.test.y, 3)).toEqual([6, 6, 6]);
  });

  it('CSV sources pass name, target and task through', () => {
    const p = prepareData({ source: { kind: 'csv', text: 'a,label,b\n1,x,2\n3,y,4\n5,x,6\n7,y,8', name: 'mine', target: 'label' }, seed: 0, testFraction: 0.5 });
    expect(p.name).toBe('mine');
    expect(p.featureNames).toEqual(['a', 'b']);
    expect(p.classNames).toEqual(['x', 'y']);
    expect(classCounts(p.test.y, 2)).toEqual([1, 1]);
  });

  it('refuses impossible specs with a message that says what to change', () => {
    expect(() => iris({ features: [4] })).toThrow('feature index 4 is out of range: iris has 4 features, numbered 0 to 3');
    expect(() => iris({ features: [1, 1] })).toThrow(/feature 1 \("sepal width \(cm\)"\) is selected twice/);
    expect(() => iris({ features: [] })).toThrow(/select at least one feature of iris/);
    expect(() => iris({ testFraction: 1 })).toThrow(/testFraction must lie in \[0, 1\)/);
    expect(() => iris({ testFraction: -0.1 })).toThrow(/testFraction must lie in \[0, 1\)/);
    expect(() => iris({ testFraction: NaN })).toThrow(ValueError);
    expect(() => iris({ seed: 1.5 })).toThrow(/the seed must be an integer/);
    expect(() => iris({ testFraction: 0.999 })).toThrow(/would send all of them to the test split/);
    expect(() => prepareData({ source: { kind: 'synthetic', name: 'sine', samples: 20, noise: 0 }, seed: 0, stratify: true })).toThrow(
      /sine is a regression data set: there are no classes to stratify by/,
    );
    expect(() => prepareData({ source: { kind: 'synthetic', name: 'sine', samples: 20, noise: 0 }, seed: 0, testFraction: 0.01 })).toThrow(
      /leaves no test samples/,
    );
    expect(() => prepareData({ source: { kind: 'builtin', name: 'mnist' as 'iris' }, seed: 0 })).toThrow(/unknown built-in data set "mnist"/);
    expect(() => prepareData({ source: { kind: 'url' } as unknown as DataSpec['source'], seed: 0 })).toThrow(/unknown data source kind "url"/);
  });

  it('a class with a single sample cannot be stratified', () => {
    const text = 'a,y\n1,x\n2,x\n3,x\n4,y';
    expect(() => prepareData({ source: { kind: 'csv', text }, seed: 0 })).toThrow(/class "y" has only 1 sample, too few to stratify/);
    expect(prepareData({ source: { kind: 'csv', text }, seed: 0, stratify: false, testFraction: 0.25 }).test.n).toBe(1);
  });
});

describe('oneHot', () => {
  it('puts a single 1 per row at the class index', () => {
    expect(Array.from(oneHot(new Float64Array([2, 0, 1]), 3))).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0]);
  });

  it('refuses labels that are not class indices', () => {
    expect(() => oneHot(new Float64Array([0, 3]), 3)).toThrow('oneHot: label 3 at sample 1 is not a class index 0…2');
    expect(() => oneHot(new Float64Array([0.5]), 3)).toThrow(ValueError);
    expect(() => oneHot(new Float64Array([0]), 0)).toThrow(/classes must be a positive integer/);
  });
});
