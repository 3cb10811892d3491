/**
 * The sandboxed preload: exposes the bridge's named actions as `window.losscape`. Bundled to
 * CommonJS (`preload.cjs`), since sandboxed preloads can be neither ESM nor require local files.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';

const api = createBridge(ipcRenderer);

contextBridge.exposeInMainWorld('losscape', api);

/** The type of `window.losscape`, derived from the preload so the renderer cannot drift from it. */
export type LosscapeBridge = typeof api;
