// The renderer's handle on the export worker: one module Web Worker, started on first use.
import { wrap, type Remote } from 'comlink';
import type { ExportEndpoint } from '../../workers/export.js';
import type { HeldDataEndpoint } from '../../workers/heldData.js';
import { shareArraysWith } from '../session/heldArrays.js';

let worker: { remote: Remote<ExportEndpoint>; failed: Promise<never> } | null = null;

/** The export worker; a call rejects if the worker fails to load or crashes. */
export function exportWorker(): { remote: Remote<ExportEndpoint>; failed: Promise<never> } {
  if (worker) return worker;
  const w = new Worker(new URL('../../workers/export.worker.ts', import.meta.url), { type: 'module', name: 'export' });
  const failed = new Promise<never>((_, reject) => {
    w.addEventListener('error', (event) => reject(new Error(`the export worker failed: ${event.message || 'it could not be started'}`)));
  });
  failed.catch(() => undefined);
  const remote = wrap<ExportEndpoint & HeldDataEndpoint>(w);
  shareArraysWith(remote); // it prepares a run's data to export a surface
  worker = { remote, failed };
  return worker;
}

/** Runs `call` on the export worker, failing if the worker does. */
export function onExportWorker<T>(call: (remote: Remote<ExportEndpoint>) => Promise<T>): Promise<T> {
  const { remote, failed } = exportWorker();
  return Promise.race([call(remote), failed]);
}
