import { describe, expect, it } from 'vitest';
import { LosscapeError } from '../../../engine/errors.js';
import { CsvError, parseCsv, type CsvOptions } from '../../../engine/data/index.js';

/** The CsvError that parsing text throws (fails the test if it does not throw one). */
function csvError(text: string, options?: CsvOptions): CsvError {
  try {
    parseCsv(text, options);
  } catch (e) {
    expect(e).toBeInstanceOf(CsvError);
    expect(e).toBeInstanceOf(LosscapeError);
    return e as CsvError;
  }
  throw new Error('parseCsv did not throw');
}

const irisLike = ['sepal length,sepal width,petal length,petal width,species', '5.1,3.5,1.4,0.2,setosa', '7.0,3.2,4.7,1.4,versicolor', '6.3,3.3,6.0,2.5,virginica', '4.9,3.0,1.4,0.2,setosa'].join('\n');

describe('CSV import: header, target, task', () => {
  it('reads a header, takes the last column as target and maps text labels to sorted classes', () => {
    const data = parseCsv(irisLike, { name: 'iris-like' });
    expect(data.name).toBe('iris-like');
    expect(data.featureNames).toEqual(['sepal length', 'sepal width', 'petal length', 'petal width']);
    expect(data.task).toBe('classification');
    expect(data.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect([data.n, data.d, data.targetDim]).toEqual([4, 4, 1]);
    expect(Array.from(data.x)).toEqual([5.1, 3.5, 1.4, 0.2, 7.0, 3.2, 4.7, 1.4, 6.3, 3.3, 6.0, 2.5, 4.9, 3.0, 1.4, 0.2]);
    expect(Array.from(data.y)).toEqual([0, 1, 2, 0]);
  });

  it('text labels sort by code unit whatever order they first appear in', () => {
    const data = parseCsv('1,b\n2,a\n3,c\n4,B\n5,a');
    expect(data.classNames).toEqual(['B', 'a', 'b', 'c']);
    expect(Array.from(data.y)).toEqual([2, 1, 3, 0, 1]);
  });

  it('detects no header when every row is numeric, and names the columns column 1, column 2, …', () => {
    const data = parseCsv('1,2,0\n3,4,1\n5,6,1');
    expect(data.n).toBe(3);
    expect(data.featureNames).toEqual(['column 1', 'column 2']);
    expect(Array.from(data.x)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(data.classNames).toEqual(['0', '1']);
  });

  it('detects no header when the only text is the label column of every row', () => {
    const data = parseCsv('5.1,3.5,setosa\n7.0,3.2,versicolor');
    expect(data.n).toBe(2);
    expect(data.classNames).toEqual(['setosa', 'versicolor']);
  });

  it('detects a header over numeric rows, even when some names look numeric', () => {
    const data = parseCsv('x,2020,label\n1,2,0\n3,4,1');
    expect(data.n).toBe(2);
    expect(data.featureNames).toEqual(['x', '2020']);
  });

  it('a typo in the first data row is reported as a bad cell, not taken for a header', () => {
    const e = csvError('5.1,3.5,1.4,O.2,0\n4.9,3.0,1.4,0.2,0\n7.0,3.2,4.7,1.4,1');
    expect(e.problems).toEqual([{ line: 1, message: 'column 4 is "O.2", not a number' }]);
  });

  it('header: true and header: false override the detection', () => {
    const named = parseCsv('10,20,30\n1,2,0\n3,4,1', { header: true });
    expect(named.featureNames).toEqual(['10', '20']);
    expect(named.n).toBe(2);
    const plain = parseCsv('1,2,0\n3,4,1', { header: false });
    expect(plain.n).toBe(2);
  });

  it('numeric labels become classes in numeric order: 1, 2, 10 → 0, 1, 2', () => {
    const data = parseCsv('a,y\n0.5,10\n0.1,2\n0.7,1\n0.2,2');
    expect(data.classNames).toEqual(['1', '2', '10']);
    expect(Array.from(data.y)).toEqual([2, 1, 0, 1]);
  });

  it('infers regression for fractional targets or more than 20 distinct integers', () => {
    const frac = parseCsv('x,y\n1,0.5\n2,1.5\n3,2.25');
    expect(frac.task).toBe('regression');
    expect(frac.classNames).toEqual([]);
    expect(Array.from(frac.y)).toEqual([0.5, 1.5, 2.25]);
    const many = (k: number) => ['x,y', ...Array.from({ length: k }, (_, i) => `${i},${i * 3}`)].join('\n');
    expect(parseCsv(many(20)).task).toBe('classification');
    expect(parseCsv(many(21)).task).toBe('regression');
  });

  it('an explicit task wins over the inference', () => {
    const reg = parseCsv('x,y\n1,0\n2,1\n3,1', { task: 'regression' });
    expect(reg.task).toBe('regression');
    expect(Array.from(reg.y)).toEqual([0, 1, 1]);
    const cls = parseCsv('x,y\n1,0.5\n2,1.5\n3,0.5', { task: 'classification' });
    expect(cls.classNames).toEqual(['0.5', '1.5']);
    expect(Array.from(cls.y)).toEqual([0, 1, 0]);
  });

  it('picks the target by name, by index, or by negative index; the others become features in order', () => {
    const byName = parseCsv('sepal length,sepal width,petal length\n5.1,3.5,1.4\n7.0,3.2,4.7', { target: 'sepal length' });
    expect(byName.featureNames).toEqual(['sepal width', 'petal length']);
    expect(byName.task).toBe('regression');
    expect(Array.from(byName.y)).toEqual([5.1, 7.0]);
    expect(Array.from(byName.x)).toEqual([3.5, 1.4, 3.2, 4.7]);
    const byIndex = parseCsv('1,10,2\n3,11,4', { target: 1, task: 'regression' });
    expect(Array.from(byIndex.y)).toEqual([10, 11]);
    expect(Array.from(byIndex.x)).toEqual([1, 2, 3, 4]);
    const fromEnd = parseCsv('1,10,2\n3,11,4', { target: -2, task: 'regression' });
    expect(Array.from(fromEnd.y)).toEqual([10, 11]);
    const caseless = parseCsv('a,Label,b\n1,x,2\n3,y,4', { target: 'label' });
    expect(caseless.featureNames).toEqual(['a', 'b']);
  });
});

describe('CSV import: every bad line reported at once', () => {
  const bad = [
    'sepal length,sepal width,petal length,petal width,species', // line 1
    '5.1,3.5,1.4,0.2,setosa', // 2
    '4.9,3.0,1.4,setosa', // 3: a cell short
    '4.7,3.2,1.3,0.2,setosa', // 4
    '', // 5: blank, skipped
    '4.6,,1.5,0.2,setosa', // 6: empty feature
    '5.0,3.6,1.4,abc,setosa', // 7: text feature
    '5.4,3.9,1.7,0.4,', // 8: empty target
    '4.6,3.4,1.4,0.3,setosa,extra', // 9: a cell too many
  ].join('\n');

  it('lists every bad line with its number and offending text, and imports nothing', () => {
    const e = csvError(bad, { name: 'flowers.csv' });
    expect(e.problems.map((p) => p.line)).toEqual([3, 6, 7, 8, 9]);
    expect(e.message).toContain('flowers.csv: 5 problems; nothing was imported');
    expect(e.message).toContain('line 3: has 4 cells, expected 5 as in the header');
    expect(e.message).toContain('line 6: column "sepal width" is empty');
    expect(e.message).toContain('line 7: column "petal width" is "abc", not a number');
    expect(e.message).toContain('line 8: column "species" (the target) is empty');
    expect(e.message).toContain('line 9: has 6 cells, expected 5 as in the header');
  });

  it('reports two bad cells of one row separately, and names headerless columns by number', () => {
    const e = csvError('1,2,0\n1,x,0\ny,z,1\n4,5,1');
    expect(e.problems).toEqual([
      { line: 2, message: 'column 2 is "x", not a number' },
      { line: 3, message: 'column 1 is "y", not a number' },
      { line: 3, message: 'column 2 is "z", not a number' },
    ]);
  });

  it('rejects NaN, Infinity and numbers with trailing text', () => {
    const e = csvError('a,b\nNaN,0\nInfinity,1\n1.5kg,0\n1,0');
    expect(e.problems.map((p) => p.message)).toEqual(['column "a" is "NaN", not a number', 'column "a" is "Infinity", not a number', 'column "a" is "1.5kg", not a number']);
  });

  it('regression needs a numeric target on every line', () => {
    const e = csvError('x,y\n1,2.5\n2,high\n3,low', { task: 'regression' });
    expect(e.problems.map((p) => p.line)).toEqual([3, 4]);
    expect(e.message).toContain('line 3: column "y" (the target) is "high", not a number as regression needs');
  });

  it('counts lines across CRLF endings, blank lines and quoted line breaks', () => {
    const e = csvError('"name\nsplit",y\r\n1,0\r\n\r\n  \r\nq,1\r\n');
    expect(e.problems).toEqual([{ line: 6, message: 'column "name\\u000asplit" is "q", not a number' }]);
  });
});

describe('CSV import: files that are not a data set', () => {
  it('an empty or blank file', () => {
    expect(() => parseCsv('')).toThrow(/csv: the file is empty/);
    expect(() => parseCsv(' \n\n  \n')).toThrow(/the file is empty/);
  });

  it('a file with one column', () => {
    expect(() => parseCsv('y\n1\n2\n3')).toThrow(/the file has one column; a data set needs at least one feature column and a target column/);
    expect(() => parseCsv('1\n2\n3')).toThrow(/the file has one column/);
  });

  it('a header with no rows under it', () => {
    expect(() => parseCsv('a,b,label\n')).toThrow(/the file has a header row but no data rows/);
  });

  it('a target column that does not exist, by name, by index, or by name without a header', () => {
    expect(() => parseCsv(irisLike, { target: 'colour' })).toThrow(
      'target column "colour" does not exist; the columns are "sepal length", "sepal width", "petal length", "petal width", "species"',
    );
    expect(() => parseCsv(irisLike, { target: 5 })).toThrow('target column 5 does not exist: the file has 5 columns, numbered 0 to 4');
    expect(() => parseCsv(irisLike, { target: 1.5 })).toThrow(/target column 1.5 does not exist/);
    expect(() => parseCsv('1,2,0\n3,4,1', { target: 'label' })).toThrow(/the file has no header row of names; give the column's index \(0 to 2\)/);
    expect(() => parseCsv('a,a,y\n1,2,0', { target: 'a' })).toThrow(/target column "a" names 2 columns \(indices 0, 1\)/);
  });

  it('an unknown task', () => {
    expect(() => parseCsv('a,y\n1,0', { task: 'ranking' as 'regression' })).toThrow('csv: task must be "classification" or "regression", got "ranking"');
  });

  it('a quote that never closes', () => {
    expect(() => parseCsv('a,b\n1,0\n"2,1\n3,0')).toThrow(/line 3: a quoted cell opens here and never closes/);
  });
});

describe('CSV import: formats', () => {
  it('reads quoted cells with commas and doubled quotes, a byte-order mark, and spaces around cells', () => {
    const data = parseCsv('\uFEFF"width, cm","the ""best"" label"\n 1.5 , yes \n"2",no\n');
    expect(data.featureNames).toEqual(['width, cm']);
    expect(Array.from(data.x)).toEqual([1.5, 2]);
    expect(data.classNames).toEqual(['no', 'yes']);
    expect(Array.from(data.y)).toEqual([1, 0]);
  });

  it('detects semicolons and tabs as delimiters', () => {
    expect(Array.from(parseCsv('a;b;y\n1;2;0\n3;4;1').x)).toEqual([1, 2, 3, 4]);
    expect(Array.from(parseCsv('a\tb\ty\n1\t2\t0\n3\t4\t1').x)).toEqual([1, 2, 3, 4]);
  });

  it("reads scikit-learn's bundled header n_samples,n_features,class names…", () => {
    const data = parseCsv('3,2,cat,dog\n1,2,0\n3,4,1\n5,6,1');
    expect(data.n).toBe(3);
    expect(data.d).toBe(2);
    expect(data.classNames).toEqual(['cat', 'dog']);
    expect(Array.from(data.y)).toEqual([0, 1, 1]);
    expect(Array.from(data.x)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('bundled format: labels outside the named classes and a wrong sample count are reported', () => {
    const e = csvError('4,2,cat,dog\n1,2,0\n3,4,2\n5,6,1');
    expect(e.problems).toEqual([
      { line: 1, message: 'the header says 4 samples but the file has 3 data rows' },
      { line: 3, message: 'column 3 is "2", not a class index 0…1 (the header names 2 classes)' },
    ]);
  });
});
