import { describe, expect, it } from 'vitest';
import { arrayOf, IpcValidationError, object, oneOf, text, textOrBytes } from '../../electron/ipc/validate.js';

describe('IPC schema checks', () => {
  const request = object({ name: text(5), tags: arrayOf(text(3), 2) });

  it('returns a valid value with exactly the schema fields', () => {
    expect(request({ name: 'run', tags: ['a', 'b'] }, 'req')).toEqual({ name: 'run', tags: ['a', 'b'] });
  });

  it('names the offending field', () => {
    expect(() => request({ name: 'run', tags: ['a', 7] }, 'req')).toThrow('req.tags[1]: expected a string');
    expect(() => request({ name: 'run' }, 'req')).toThrow('req.tags: expected a value (field is missing)');
    expect(() => request({ name: 'run', tags: [], x: 1 }, 'req')).toThrow('req: expected no field "x"');
  });

  it('enforces lengths and patterns', () => {
    expect(() => text(3)('abcd', 's')).toThrow(IpcValidationError);
    expect(() => text(9, /^[a-z]+$/)('ab1', 's')).toThrow(IpcValidationError);
    expect(() => arrayOf(text(3), 2)(['a', 'b', 'c'], 'a')).toThrow('a: expected at most 2 items');
    expect(() => textOrBytes(2)(new Uint8Array(3), 'd')).toThrow(IpcValidationError);
    expect(textOrBytes(2)('ab', 'd')).toBe('ab');
  });

  it('accepts only the listed names with oneOf', () => {
    const action = oneOf(['save', 'view:3d'] as const);
    expect(action('view:3d', 'menu')).toBe('view:3d');
    expect(() => action('view:4d', 'menu')).toThrow('menu: expected one of save, view:3d');
    expect(() => action(undefined, 'menu')).toThrow(IpcValidationError);
  });

  it('rejects objects that are not plain', () => {
    expect(() => object({})(new Date(), 'o')).toThrow('o: expected a plain object');
    expect(() => object({})(Object.create({ inherited: 1 }), 'o')).toThrow(IpcValidationError);
  });
});
