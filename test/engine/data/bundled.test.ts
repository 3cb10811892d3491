import { describe, expect, it } from 'vitest';
import { builtinDatasets, builtinNames, loadBuiltin, type BuiltinName } from '../../../engine/data/index.js';
import { irisCsv } from '../../../engine/data/bundled/iris.js';

/** How many samples each class has, in class order. */
function classCounts(y: Float64Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  y.forEach((c) => counts[c]++);
  return counts;
}

/** Row i of x [n, d]. */
const row = (x: Float64Array, d: number, i: number) => Array.from(x.subarray(i * d, (i + 1) * d));

describe('bundled data sets', () => {
  const expected: Record<BuiltinName, { n: number; d: number; classNames: string[]; counts: number[] }> = {
    iris: { n: 150, d: 4, classNames: ['setosa', 'versicolor', 'virginica'], counts: [50, 50, 50] },
    wine: { n: 178, d: 13, classNames: ['class_0', 'class_1', 'class_2'], counts: [59, 71, 48] },
    'breast-cancer': { n: 569, d: 30, classNames: ['malignant', 'benign'], counts: [212, 357] },
    digits: { n: 1797, d: 64, classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], counts: [178, 182, 177, 183, 181, 182, 181, 179, 174, 180] },
  };

  it.each(Object.entries(expected))('%s has the documented rows, features, classes and class counts', (name, e) => {
    const data = loadBuiltin(name as BuiltinName);
    expect(data.name).toBe(name);
    expect(data.task).toBe('classification');
    expect([data.n, data.d, data.targetDim]).toEqual([e.n, e.d, 1]);
    expect(data.x.length).toBe(e.n * e.d);
    expect(data.y.length).toBe(e.n);
    expect(data.featureNames).toHaveLength(e.d);
    expect(data.classNames).toEqual(e.classNames);
    expect(classCounts(data.y, e.classNames.length)).toEqual(e.counts);
  });

  it('lists the four sets in menu order with their credits', () => {
    expect(builtinNames).toEqual(['iris', 'wine', 'breast-cancer', 'digits']);
    for (const b of builtinDatasets) expect(b.credit).toMatch(/CC BY 4\.0/);
  });

  it('iris: first and last rows and the feature names', () => {
    const iris = loadBuiltin('iris');
    expect(row(iris.x, 4, 0)).toEqual([5.1, 3.5, 1.4, 0.2]);
    expect(iris.classNames[iris.y[0]]).toBe('setosa');
    expect(row(iris.x, 4, 149)).toEqual([5.9, 3.0, 5.1, 1.8]);
    expect(iris.classNames[iris.y[149]]).toBe('virginica');
    expect(iris.featureNames).toEqual(['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)']);
    expect(irisCsv.startsWith('150,4,setosa,versicolor,virginica\n5.1,3.5,1.4,0.2,0\n')).toBe(true);
  });

  it('wine: first row (alcohol 14.23 … proline 1065) and the 13 UCI names', () => {
    const wine = loadBuiltin('wine');
    expect(row(wine.x, 13, 0)).toEqual([14.23, 1.71, 2.43, 15.6, 127, 2.8, 3.06, 0.28, 2.29, 5.64, 1.04, 3.92, 1065]);
    expect(row(wine.x, 13, 177)[12]).toBe(560);
    expect(wine.y[177]).toBe(2);
    expect(wine.featureNames[0]).toBe('alcohol');
    expect(wine.featureNames[11]).toBe('od280/od315_of_diluted_wines');
    expect(wine.featureNames[12]).toBe('proline');
  });

  it('breast cancer: first row is malignant, the 30 sklearn names run mean radius … worst fractal dimension', () => {
    const bc = loadBuiltin('breast-cancer');
    const first = row(bc.x, 30, 0);
    expect(first.slice(0, 4)).toEqual([17.99, 10.38, 122.8, 1001]);
    expect(first[29]).toBe(0.1189);
    expect(bc.classNames[bc.y[0]]).toBe('malignant');
    expect(bc.classNames[bc.y[568]]).toBe('benign');
    expect(bc.featureNames.slice(0, 2)).toEqual(['mean radius', 'mean texture']);
    expect(bc.featureNames[10]).toBe('radius error');
    expect(bc.featureNames[27]).toBe('worst concave points');
    expect(bc.featureNames[29]).toBe('worst fractal dimension');
  });

  it('digits: 1797 × 64 pixels in 0…16, labelled 0…9, named pixel_0_0 … pixel_7_7', () => {
    const digits = loadBuiltin('digits');
    expect(row(digits.x, 64, 0).slice(0, 8)).toEqual([0, 0, 5, 13, 9, 1, 0, 0]);
    expect(digits.y[0]).toBe(0);
    expect(digits.y[1796]).toBe(8);
    expect(Math.min(...digits.x)).toBe(0);
    expect(Math.max(...digits.x)).toBe(16);
    expect(digits.x.every((v) => Number.isInteger(v))).toBe(true);
    expect(digits.featureNames[0]).toBe('pixel_0_0');
    expect(digits.featureNames[9]).toBe('pixel_1_1');
    expect(digits.featureNames[63]).toBe('pixel_7_7');
  });

  it('every call returns fresh arrays, so a caller cannot spoil the next load', () => {
    const a = loadBuiltin('iris');
    a.x[0] = 99;
    a.featureNames[0] = 'spoiled';
    const b = loadBuiltin('iris');
    expect(b.x[0]).toBe(5.1);
    expect(b.featureNames[0]).toBe('sepal length (cm)');
  });

  it('an unknown name is refused with the list of names', () => {
    expect(() => loadBuiltin('mnist' as BuiltinName)).toThrow(/unknown built-in data set "mnist"; choose one of iris, wine, breast-cancer, digits/);
  });
});
