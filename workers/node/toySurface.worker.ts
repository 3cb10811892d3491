// worker_threads entry for the toy-surface job: the CLI talks to it through spawn.ts.
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { parentPort } from 'node:worker_threads';
import { toySurfaceEndpoint } from '../toySurface.js';

if (!parentPort) throw new Error('toySurface.worker.ts runs only as a worker thread');
expose(toySurfaceEndpoint, nodeEndpoint(parentPort));
