// Property-based tests of the CSV reader (issue #16): any bytes decoded as a CLI or the app
// decodes them, a valid CSV damaged, or cells of any text end in a CsvError whose message is
// printable and cut short, or in a data set whose every number is finite.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from '../../../engine/data/index.js';
import { damaged, fuzz } from '../io/fuzzCheck.js';

const valid = 'sepal,petal,kind\n5.1,1.4,setosa\n4.9,1.3,setosa\n6.3,4.9,virginica\n5.8,5.1,virginica\n';
const read = (text: string) => parseCsv(text, { name: 'data.csv' });
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('CSV import under fuzzing', () => {
  it('any bytes, damaged files and cells of any text end in a clear CsvError or finite data', () => {
    expect(read(valid).n).toBe(4);
    fuzz(fc.uint8Array({ maxLength: 300 }).map(decode), read, 300);
    fuzz(damaged(Buffer.from(valid)).map(decode), read, 400);
    const cells = fc.array(fc.array(fc.oneof(fc.string({ maxLength: 80, unit: 'binary' }), fc.double().map(String), fc.integer().map(String)), { minLength: 1, maxLength: 4 }), { maxLength: 6 });
    fuzz(cells.map((rows) => rows.map((r) => r.join(',')).join('\n')), read, 400);
  });

  it('a binary file gets one line naming the first byte that is not text, and none of its bytes', () => {
    const png = decode(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52));
    expect(() => read(png)).toThrow('data.csv: the file does not look like CSV text: it holds bytes that are not UTF-8 text at line 1, column 1 (is it a binary file?); give a text file of comma-separated values');
    expect(() => read('a,b\n1,2\n3\u0000,4')).toThrow('it holds the control character 0x00 at line 3, column 2');
    expect(() => read('a,b\r\n1,2\r\n\u0007')).toThrow('at line 3, column 1');
  });

  it('quotes a bad cell cut short and printable, and lists at most 20 bad lines', () => {
    const long = 'x'.repeat(500);
    const error = (() => {
      try {
        read(`a,b\n${Array.from({ length: 30 }, () => `${long},1`).join('\n')}`);
      } catch (e) {
        return e as CsvError;
      }
    })()!;
    expect(error).toBeInstanceOf(CsvError);
    expect(error.problems).toHaveLength(30);
    expect(error.problems[0].message).toBe(`column "a" is "${'x'.repeat(40)}…", not a number`);
    expect(error.message.split('\n')).toHaveLength(22);
    expect(error.message).toMatch(/\n {2}… and 10 more$/);
  });
});
