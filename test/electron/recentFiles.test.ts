import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecentFiles, loadRecentFiles, saveRecentFiles } from '../../electron/recentFiles.js';
import { MAX_RECENT, parseRecentFiles, withRecent } from '../../electron/recentList.js';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'losscape-recent-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('withRecent', () => {
  it('puts the entry first and drops its older place', () => {
    expect(withRecent(['a', 'b', 'c'], 'c')).toEqual(['c', 'a', 'b']);
    expect(withRecent(['a', 'b'], 'd')).toEqual(['d', 'a', 'b']);
  });

  it(`keeps at most ${MAX_RECENT} entries, dropping the oldest`, () => {
    const list = Array.from({ length: MAX_RECENT }, (_, k) => `p${k}`);
    const next = withRecent(list, 'new');
    expect(next).toHaveLength(MAX_RECENT);
    expect(next[0]).toBe('new');
    expect(next).not.toContain(`p${MAX_RECENT - 1}`);
  });
});

describe('recent files file', () => {
  it('round-trips through save and load', async () => {
    const file = path.join(dir, 'recent-files.json');
    await saveRecentFiles(file, ['/a/x.json', '/b/y.json']);
    await expect(loadRecentFiles(file, fs)).resolves.toEqual(['/a/x.json', '/b/y.json']);
  });

  it('gives an empty list for a missing or corrupt file, and drops entries that are not paths', async () => {
    await expect(loadRecentFiles(path.join(dir, 'missing.json'), fs)).resolves.toEqual([]);
    expect(parseRecentFiles('{"a":1')).toEqual([]);
    expect(parseRecentFiles('{"a":1}')).toEqual([]);
    expect(parseRecentFiles('["/a.json", 3, "", null, "/b.json"]')).toEqual(['/a.json', '/b.json']);
  });
});

describe('createRecentFiles', () => {
  it('saves the list after each addition and answers it', async () => {
    const save = vi.fn(async () => undefined);
    const recent = createRecentFiles(['/a.json'], save);
    await expect(recent.add('/b.json')).resolves.toEqual(['/b.json', '/a.json']);
    expect(save).toHaveBeenLastCalledWith(['/b.json', '/a.json']);
    expect(recent.has('/a.json')).toBe(true);
    expect(recent.has('/c.json')).toBe(false);
    recent.list().pop();
    expect(recent.list()).toEqual(['/b.json', '/a.json']);
  });

  it('clears the list and saves it empty', async () => {
    const save = vi.fn(async () => undefined);
    const recent = createRecentFiles(['/a.json', '/b.json'], save);
    await recent.clear();
    expect(recent.list()).toEqual([]);
    expect(recent.has('/a.json')).toBe(false);
    expect(save).toHaveBeenLastCalledWith([]);
  });

  it('reports each new list before saving it, so the menu follows even when saving fails', async () => {
    const changed = vi.fn();
    const recent = createRecentFiles(['/a.json'], async () => Promise.reject(new Error('disk full')), changed);
    await expect(recent.add('/b.json')).rejects.toThrow('disk full');
    await expect(recent.clear()).rejects.toThrow('disk full');
    expect(changed.mock.calls).toEqual([[['/b.json', '/a.json']], [[]]]);
  });
});
