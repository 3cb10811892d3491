// worker_threads entry of the analysis endpoint (tests).
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { parentPort } from 'node:worker_threads';
import { analysisEndpoint } from '../analysis.js';
import { adoptSharedDatasets } from './sharedData.js';

adoptSharedDatasets();
expose(analysisEndpoint, nodeEndpoint(parentPort!));
