// Directions read from JSON (a surface file's "directions"): two lists of finite numbers, else
// a message that says what the file needs.
import { describe, expect, it } from 'vitest';
import { directionsOfJson } from '../../../engine/io/directionsFile.js';

describe('directionsOfJson', () => {
  it('reads a surface file’s two directions as they are', () => {
    const [d1, d2] = directionsOfJson({ format: 'losscape.surface/1', directions: [[1, -2.5, 0], [0.25, 4, -1e-300]] }, 'a.json');
    expect(Array.from(d1)).toEqual([1, -2.5, 0]);
    expect(Array.from(d2)).toEqual([0.25, 4, -1e-300]);
  });

  it.each([
    ['no directions', { alpha: [0] }],
    ['one direction', { directions: [[1, 2]] }],
    ['three directions', { directions: [[1], [2], [3]] }],
    ['text in a direction', { directions: [[1, '2'], [3, 4]] }],
    ['a null (NaN written as JSON)', { directions: [[1, null], [3, 4]] }],
    ['a number', 7],
    ['null', null],
  ])('refuses %s, saying what the file needs', (_label, json) => {
    expect(() => directionsOfJson(json, 'b.json')).toThrow('b.json needs "directions": [[…], […]], two lists of finite numbers (a surface file has them)');
  });
});
