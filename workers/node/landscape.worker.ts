// worker_threads entry of the landscape endpoint (CLI and tests).
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { parentPort } from 'node:worker_threads';
import { landscapeEndpoint } from '../landscape.js';
import { adoptSharedDatasets } from './sharedData.js';

adoptSharedDatasets();
expose(landscapeEndpoint, nodeEndpoint(parentPort!));
