/** The main window: locked-down web preferences, the saved bounds, and the app page. */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { minWindowSize, type WindowState } from './windowState.js';

/** Where the window's code and page come from, and the bounds to open with. */
export interface MainWindowOptions {
  /** Absolute path of the bundled, CommonJS preload. */
  preloadPath: string;
  /** Absolute path of the built renderer's `index.html`. */
  indexHtmlPath: string;
  /** The Vite dev server's URL (`VITE_DEV_SERVER_URL`); when set it is loaded instead of the file. */
  devServerUrl?: string;
  state: WindowState;
}

/** A `BrowserWindow` constructor (the real one, or a fake in tests). */
export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** The constructor options: security defaults on, the saved bounds, hidden until ready. */
function mainWindowOptions(opts: MainWindowOptions): BrowserWindowConstructorOptions {
  const { width, height, x, y } = opts.state;
  return {
    title: 'Losscape',
    width,
    height,
    ...(x !== undefined && y !== undefined ? { x, y } : {}),
    minWidth: minWindowSize.width,
    minHeight: minWindowSize.height,
    show: false,
    backgroundColor: '#111318',
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    },
  };
}

/** Creates the main window, shows it once painted, and loads the dev server or the built page. */
export async function createMainWindow(BrowserWindowCtor: BrowserWindowClass, opts: MainWindowOptions): Promise<BrowserWindow> {
  const win = new BrowserWindowCtor(mainWindowOptions(opts));
  win.once('ready-to-show', () => {
    if (opts.state.maximized) win.maximize();
    win.show();
  });
  if (opts.devServerUrl) await win.loadURL(opts.devServerUrl);
  else await win.loadFile(opts.indexHtmlPath);
  return win;
}
