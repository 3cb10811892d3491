/**
 * The main window's size, position and maximized state, remembered between runs in a JSON
 * file in the user-data folder. A missing or corrupt file gives the defaults; a position
 * that is off every display is dropped so the window never opens out of sight.
 */
import type { BrowserWindow, Rectangle } from 'electron';
import { writeFileAtomic, type AtomicWriteFs } from '../cli/atomicWrite.js';

/** Window bounds in screen pixels; `x`/`y` absent means "let the OS place it". */
export interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

/** The state used when nothing valid was saved. */
export const defaultWindowState: WindowState = { width: 1280, height: 800, maximized: false };

/** Smallest width and height the window may be given. */
export const minWindowSize = { width: 640, height: 480 };

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Parses saved JSON into a state, or the defaults when it is not a valid state. */
export function parseWindowState(json: string): WindowState {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ...defaultWindowState };
  }
  if (typeof raw !== 'object' || raw === null) return { ...defaultWindowState };
  const { width, height, x, y, maximized } = raw as Record<string, unknown>;
  if (!isFiniteNumber(width) || !isFiniteNumber(height) || typeof maximized !== 'boolean') {
    return { ...defaultWindowState };
  }
  const state: WindowState = {
    width: Math.max(Math.round(width), minWindowSize.width),
    height: Math.max(Math.round(height), minWindowSize.height),
    maximized,
  };
  if (isFiniteNumber(x) && isFiniteNumber(y)) {
    state.x = Math.round(x);
    state.y = Math.round(y);
  }
  return state;
}

/** Reads the state file; a missing or unreadable file gives the defaults. */
export async function loadWindowState(
  file: string,
  fs: { readFile(path: string, encoding: 'utf8'): Promise<string> },
): Promise<WindowState> {
  try {
    return parseWindowState(await fs.readFile(file, 'utf8'));
  } catch {
    return { ...defaultWindowState };
  }
}

/** Writes the state file atomically (temp file + rename). */
export function saveWindowState(file: string, state: WindowState, fs?: AtomicWriteFs): Promise<void> {
  return writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`, fs);
}

/** Drops the saved position unless the window's top-left corner lies in one of `workAreas`. */
export function keepOnScreen(state: WindowState, workAreas: readonly Rectangle[]): WindowState {
  const { x, y, ...rest } = state;
  if (x === undefined || y === undefined) return rest;
  const visible = workAreas.some((a) => x >= a.x && y >= a.y && x < a.x + a.width && y < a.y + a.height);
  return visible ? state : rest;
}

/** Captures the window's state when it closes and hands it to `save`; answers the last save. */
export function trackWindowState(
  win: Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized'>,
  save: (state: WindowState) => Promise<void>,
): () => Promise<void> {
  let lastSave: Promise<void> = Promise.resolve();
  win.on('close', () => {
    const { x, y, width, height } = win.getNormalBounds();
    lastSave = save({ x, y, width, height, maximized: win.isMaximized() }).catch((error: unknown) => {
      console.error('losscape: could not save the window state:', error);
    });
  });
  return () => lastSave;
}
