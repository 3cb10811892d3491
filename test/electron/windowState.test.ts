import type { BrowserWindow } from 'electron';
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  defaultWindowState,
  keepOnScreen,
  loadWindowState,
  parseWindowState,
  saveWindowState,
  trackWindowState,
  type WindowState,
} from '../../electron/windowState.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'losscape-window-state-'));
  file = path.join(dir, 'window-state.json');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const state: WindowState = { width: 1100, height: 750, x: 40, y: 60, maximized: true };

describe('window state file', () => {
  it('round-trips through save and load', async () => {
    await saveWindowState(file, state);
    expect(await loadWindowState(file, fs)).toEqual(state);
  });

  it('saves atomically: a temp file in the same folder, then a rename onto the target', async () => {
    const calls: string[] = [];
    const spyFs = {
      writeFile: vi.fn(async (p: string, data: string, opts: object) => {
        calls.push(`write ${path.dirname(p) === dir && p !== file}`);
        await fs.writeFile(p, data, opts);
      }),
      rename: vi.fn(async (from: string, to: string) => {
        calls.push(`rename ${to === file}`);
        await fs.rename(from, to);
      }),
      rm: vi.fn(fs.rm),
    };
    await saveWindowState(file, state, spyFs as never);
    expect(calls).toEqual(['write true', 'rename true']);
    expect(await fs.readdir(dir)).toEqual(['window-state.json']);
  });

  it('keeps the old file and leaves no temp file when the save fails', async () => {
    await saveWindowState(file, state);
    const failingFs = {
      writeFile: fs.writeFile,
      rename: async () => {
        throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      },
      rm: fs.rm,
    };
    await expect(saveWindowState(file, { ...state, width: 2000 }, failingFs as never)).rejects.toThrow('disk full');
    expect(await loadWindowState(file, fs)).toEqual(state);
    expect(await fs.readdir(dir)).toEqual(['window-state.json']);
  });

  it('falls back to the defaults when the file is missing or corrupt', async () => {
    expect(await loadWindowState(file, fs)).toEqual(defaultWindowState);
    await fs.writeFile(file, '{"width": 1100, "heig');
    expect(await loadWindowState(file, fs)).toEqual(defaultWindowState);
  });

  it.each([
    ['not JSON', 'garbage'],
    ['not an object', '42'],
    ['null', 'null'],
    ['a string width', '{"width":"wide","height":700,"maximized":false}'],
    ['a missing flag', '{"width":900,"height":700}'],
    ['an infinite size', '{"width":1e999,"height":700,"maximized":false}'],
  ])('parses %s as the defaults', (_label, json) => {
    expect(parseWindowState(json)).toEqual(defaultWindowState);
  });

  it('clamps tiny sizes and ignores a half-given position', () => {
    expect(parseWindowState('{"width":10,"height":20,"x":5,"maximized":false}')).toEqual({
      width: 640,
      height: 480,
      maximized: false,
    });
  });
});

describe('keepOnScreen', () => {
  const display = { x: 0, y: 0, width: 1920, height: 1080 };

  it('keeps a position on a display and drops one off every display', () => {
    expect(keepOnScreen(state, [display])).toEqual(state);
    expect(keepOnScreen({ ...state, x: 5000 }, [display])).toEqual({ width: 1100, height: 750, maximized: true });
    expect(keepOnScreen({ ...state, x: 2000 }, [display, { x: 1920, y: 0, width: 1280, height: 1024 }])).toEqual({
      ...state,
      x: 2000,
    });
  });
});

describe('trackWindowState', () => {
  it('saves the normal bounds and maximized flag when the window closes', async () => {
    let onClose: (() => void) | undefined;
    const win = {
      on: (event: string, listener: () => void) => {
        if (event === 'close') onClose = listener;
      },
      getNormalBounds: () => ({ x: 1, y: 2, width: 800, height: 600 }),
      isMaximized: () => true,
    };
    const save = vi.fn(async () => undefined);
    const lastSave = trackWindowState(win as unknown as BrowserWindow, save);
    expect(save).not.toHaveBeenCalled();
    onClose?.();
    await lastSave();
    expect(save).toHaveBeenCalledWith({ x: 1, y: 2, width: 800, height: 600, maximized: true });
  });
});
