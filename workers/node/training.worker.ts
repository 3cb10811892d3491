// worker_threads entry of the training endpoint (CLI and tests).
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { parentPort } from 'node:worker_threads';
import { trainingEndpoint } from '../training.js';
import { adoptSharedDatasets } from './sharedData.js';

adoptSharedDatasets();
expose(trainingEndpoint, nodeEndpoint(parentPort!));
