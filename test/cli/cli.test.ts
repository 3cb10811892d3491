import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { losscape } from './losscape.js';

interface ToyFile {
  format: string;
  name: string;
  x: number[];
  y: number[];
  z: number[][];
  gradX: number[][];
  gradY: number[][];
}

/** `f(x_i, y_j)` on the grid, round-tripped through JSON as the file is (so −0 reads as 0). */
function onGrid(x: number[], y: number[], f: (x: number, y: number) => number): number[][] {
  return JSON.parse(JSON.stringify(x.map((xi) => y.map((yj) => f(xi, yj)))));
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'losscape-cli-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('losscape', { timeout: 30_000 }, () => {
  it('--help lists the commands, from any working directory', async () => {
    const { code, stdout, stderr } = await losscape(['--help'], dir);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: losscape/);
    expect(stdout).toMatch(/^\s+toy \[options\]/m);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await fs.readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    const { code, stdout } = await losscape(['--version'], dir);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(pkg.version);
  });

  it('toy writes x² − y² and its gradient (2x, −2y) exactly at the grid points', async () => {
    const out = path.join(dir, 'saddle.json');
    const { code, stdout, stderr } = await losscape(
      ['toy', '--function', 'saddle', '--range', '-1.5:1.5', '--grid', '61', '--out', out],
      dir,
    );
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
    const file = JSON.parse(await fs.readFile(out, 'utf8')) as ToyFile;
    expect(file.format).toBe('losscape.toy/1');
    expect(file.name).toBe('saddle');
    expect(file.x).toHaveLength(61);
    expect(file.x[0]).toBe(-1.5);
    expect(file.x[60]).toBe(1.5);
    expect(file.x[30]).toBe(0);
    expect(file.y).toEqual(file.x);
    expect(file.z).toHaveLength(61);
    expect(file.z.every((row) => row.length === 61)).toBe(true);
    expect(file.z).toEqual(onGrid(file.x, file.y, (x, y) => x * x - y * y));
    expect(file.gradX).toEqual(onGrid(file.x, file.y, (x) => 2 * x));
    expect(file.gradY).toEqual(onGrid(file.x, file.y, (_x, y) => -2 * y));
  });

  it('toy without --out prints the JSON, and nothing else, on stdout', async () => {
    const { code, stdout, stderr } = await losscape(['toy', '--function', 'bowl', '--range', '-1:1', '--grid', '3'], dir);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const file = JSON.parse(stdout) as ToyFile;
    expect(file.x).toEqual([-1, 0, 1]);
    expect(file.z).toEqual([
      [2, 1, 2],
      [1, 0, 1],
      [2, 1, 2],
    ]);
  });

  const badInputs: [string, string[], RegExp][] = [
    ['min ≥ max', ['--function', 'saddle', '--range', '1:-1'], /min must be < max/],
    ['a malformed range', ['--function', 'saddle', '--range', '1..2'], /expected min:max/],
    ['too small a grid', ['--function', 'saddle', '--grid', '1'], /grid must be an integer from 2 to 1001/],
    ['too large a grid', ['--function', 'saddle', '--grid', '1002'], /grid must be an integer from 2 to 1001/],
    ['a fractional grid', ['--function', 'saddle', '--grid', '2.5'], /grid must be an integer/],
    ['an unknown function', ['--function', 'egg'], /saddle, bowl, monkey-saddle, rosenbrock/],
    ['no function', [], /required option '--function <name>'/],
    ['an unknown option', ['--function', 'saddle', '--bogus'], /unknown option '--bogus'/],
  ];
  it.concurrent.for(badInputs)(
    'toy with %s exits non-zero with one line and writes no file',
    async ([label, args, reason], { expect }) => {
      const out = path.join(dir, `bad ${label}.json`);
      const { code, stdout, stderr } = await losscape(['toy', ...args, '--out', out], dir);
      expect(code).not.toBe(0);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^losscape: [^\n]+\n$/);
      expect(stderr).toMatch(reason);
      expect(existsSync(out)).toBe(false);
    },
  );

  it('reports an unwritable --out as one line', async () => {
    const out = path.join(dir, 'no-such-folder', 'x.json');
    const { code, stdout, stderr } = await losscape(['toy', '--function', 'saddle', '--grid', '2', '--out', out], dir);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe(`losscape: cannot write ${out}: ENOENT\n`);
  });
});
