// Web Worker entry of the landscape endpoint, holding the opened array files (heldData.ts).
import { expose } from 'comlink';
import { heldDataEndpoint } from './heldData.js';
import { landscapeEndpoint } from './landscape.js';

expose({ ...landscapeEndpoint, ...heldDataEndpoint });
