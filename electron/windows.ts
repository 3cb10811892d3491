/** The main window: locked-down web preferences, the saved bounds, and the app page. */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { minWindowSize, type WindowState } from './windowState.js';

/** Where the window's code and page come from, and the bounds to open with. */
export interface MainWindowOptions {
  /** Absolute path of the bundled, CommonJS preload. */
  preloadPath: string;
  /** The page to show: the built renderer on the `app://` protocol, or the Vite dev server's URL. */
  pageUrl: string;
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

/** Creates the main window, shows it once painted, and loads `pageUrl`. */
export async function createMainWindow(BrowserWindowCtor: BrowserWindowClass, opts: MainWindowOptions): Promise<BrowserWindow> {
  const win = new BrowserWindowCtor(mainWindowOptions(opts));
  win.once('ready-to-show', () => {
    if (opts.state.maximized) win.maximize();
    win.show();
  });
  await win.loadURL(opts.pageUrl);
  return win;
}
