import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { errorLine } from '../../cli/errors.js';
import { parseGridSize, parseRange } from '../../cli/options.js';

describe('parseRange', () => {
  it('reads min:max, negative numbers included', () => {
    expect(parseRange('-1.5:1.5')).toEqual({ min: -1.5, max: 1.5 });
    expect(parseRange('1e-3:2')).toEqual({ min: 0.001, max: 2 });
  });

  it.each(['1', '1:2:3', ':1', 'a:b', '1:Infinity'])('rejects the malformed %s', (value) => {
    expect(() => parseRange(value)).toThrow(InvalidArgumentError);
  });

  it('rejects min ≥ max', () => {
    expect(() => parseRange('1:1')).toThrow('min must be < max');
    expect(() => parseRange('2:1')).toThrow('min must be < max');
  });
});

describe('parseGridSize', () => {
  it('accepts integers from 2 to 1001', () => {
    expect(parseGridSize('2')).toBe(2);
    expect(parseGridSize('1001')).toBe(1001);
  });

  it.each(['1', '1002', '2.5', '', 'ten', '-5'])('rejects %j', (value) => {
    expect(() => parseGridSize(value)).toThrow('grid must be an integer from 2 to 1001');
  });
});

describe('errorLine', () => {
  it('makes one line starting with losscape:', () => {
    expect(errorLine("error: unknown command 'tyo'\n(Did you mean toy?)\n")).toBe(
      "losscape: unknown command 'tyo' (Did you mean toy?)\n",
    );
    expect(errorLine(new Error('cannot write x'))).toBe('losscape: cannot write x\n');
  });
});
