import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMainWindow, type BrowserWindowClass, type MainWindowOptions } from '../../electron/windows.js';

/** A stand-in for BrowserWindow that records what it was built with and asked to load. */
function fakeBrowserWindow() {
  const created: FakeWindow[] = [];
  class FakeWindow {
    loaded: string[] = [];
    shown = false;
    maximized = false;
    private readyListeners: (() => void)[] = [];
    constructor(readonly options: BrowserWindowConstructorOptions) {
      created.push(this);
    }
    once(event: string, listener: () => void) {
      if (event === 'ready-to-show') this.readyListeners.push(listener);
      return this;
    }
    emitReady() {
      this.readyListeners.forEach((l) => l());
    }
    async loadURL(url: string) {
      this.loaded.push(url);
    }
    show() {
      this.shown = true;
    }
    maximize() {
      this.maximized = true;
    }
  }
  return { created, Ctor: FakeWindow as unknown as BrowserWindowClass };
}

const base: MainWindowOptions = {
  preloadPath: '/app/dist-electron/preload.cjs',
  pageUrl: 'app://losscape/index.html',
  state: { width: 1000, height: 700, x: 10, y: 20, maximized: false },
};

describe('createMainWindow', () => {
  it('turns the security settings on and uses the bundled preload', async () => {
    const { created, Ctor } = fakeBrowserWindow();
    await createMainWindow(Ctor, base);
    expect(created).toHaveLength(1);
    expect(created[0].options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/dist-electron/preload.cjs',
    });
  });

  it('opens with the saved bounds and stays hidden until painted', async () => {
    const { created, Ctor } = fakeBrowserWindow();
    const win = (await createMainWindow(Ctor, { ...base, state: { ...base.state, maximized: true } })) as unknown as {
      shown: boolean;
      maximized: boolean;
      emitReady(): void;
    };
    expect(created[0].options).toMatchObject({ width: 1000, height: 700, x: 10, y: 20, show: false });
    expect(win.shown).toBe(false);
    win.emitReady();
    expect(win.shown).toBe(true);
    expect(win.maximized).toBe(true);
  });

  it('lets the OS place the window when no position was saved', async () => {
    const { created, Ctor } = fakeBrowserWindow();
    await createMainWindow(Ctor, { ...base, state: { width: 900, height: 600, maximized: false } });
    expect(created[0].options).not.toHaveProperty('x');
    expect(created[0].options).not.toHaveProperty('y');
  });

  it('loads the page it is given, once', async () => {
    const prod = fakeBrowserWindow();
    await createMainWindow(prod.Ctor, base);
    expect(prod.created[0].loaded).toEqual(['app://losscape/index.html']);

    const dev = fakeBrowserWindow();
    await createMainWindow(dev.Ctor, { ...base, pageUrl: 'http://localhost:5173/' });
    expect(dev.created[0].loaded).toEqual(['http://localhost:5173/']);
  });

  it('returns the window it created', async () => {
    const { created, Ctor } = fakeBrowserWindow();
    const win: BrowserWindow = await createMainWindow(Ctor, base);
    expect(win).toBe(created[0]);
  });
});
