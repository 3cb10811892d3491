// The binary form as Python sees it: container_read.json is what numpy alone read from the
// fixtures (fixtures/read_container.py); Losscape's readers must see the same numbers, and
// today's writer must still write the fixture's run byte for byte.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRunFile, readSurfaceFile } from '../../../engine/io/index.js';
import { containerRunBytes } from './fixtures/containerRun.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`fixtures/${name}`, import.meta.url)));
const python = JSON.parse(readFileSync(new URL('fixtures/container_read.json', import.meta.url), 'utf8')) as {
  format: string;
  state_dict: Record<string, number[]>;
  theta: number[];
  trajectory_shape: number[];
  surface_format: string;
  alpha: number[];
  loss: number[][];
  center: number[];
};

describe('binary files read by numpy alone', () => {
  it('numpy finds θ under the PyTorch state_dict names with their shapes, equal to the last bit to what Losscape reads', () => {
    const run = readRunFile(fixture('container_run.npz'));
    expect(python.format).toBe(run.format);
    expect(python.state_dict).toEqual(Object.fromEntries(Object.entries(run.params).map(([name, t]) => [name, t.shape])));
    expect(python.theta).toEqual(Array.from(run.theta));
    expect(python.trajectory_shape).toEqual([run.trajectory.steps.length, run.theta.length]);
  });

  it('numpy reads the surface values, axes and centre exactly', () => {
    const surface = readSurfaceFile(fixture('container_surface.npz'));
    expect(python.surface_format).toBe(surface.format);
    expect(python.alpha).toEqual(surface.alpha);
    expect(python.loss).toEqual(surface.values.loss);
    expect(python.center).toEqual(surface.center);
  });

  it('the fixture run is what the writer writes today, byte for byte', () => {
    expect(Buffer.from(containerRunBytes()).equals(Buffer.from(fixture('container_run.npz')))).toBe(true);
  });
});
