import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicWriteFs } from '../../cli/atomicWrite.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'losscape-atomic-'));
  file = path.join(dir, 'surface.json');
  await fs.writeFile(file, 'old contents');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    await writeFileAtomic(file, 'new contents');
    expect(await fs.readFile(file, 'utf8')).toBe('new contents');
    expect(await fs.readdir(dir)).toEqual(['surface.json']);
  });

  it('writes bytes as they are', async () => {
    await writeFileAtomic(file, new Uint8Array([0, 255, 10]));
    expect([...(await fs.readFile(file))]).toEqual([0, 255, 10]);
  });

  it('leaves the old file intact when the write fails midway', async () => {
    const failingWrite: AtomicWriteFs = {
      ...fs,
      writeFile: async (p, _data, opts) => {
        await fs.writeFile(p, 'half a fi', opts); // a partial write, then the disk fills up
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      },
    };
    await expect(writeFileAtomic(file, 'new contents', failingWrite)).rejects.toThrow('no space left');
    expect(await fs.readFile(file, 'utf8')).toBe('old contents');
    expect(await fs.readdir(dir)).toEqual(['surface.json']);
  });

  it('leaves the old file intact when the rename fails', async () => {
    const failingRename: AtomicWriteFs = {
      ...fs,
      rename: async () => {
        throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
      },
    };
    await expect(writeFileAtomic(file, 'new contents', failingRename)).rejects.toThrow('operation not permitted');
    expect(await fs.readFile(file, 'utf8')).toBe('old contents');
    expect(await fs.readdir(dir)).toEqual(['surface.json']);
  });

  it('fails without creating anything when the folder does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'x.json'), 'data')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await fs.readdir(dir)).toEqual(['surface.json']);
  });
});
