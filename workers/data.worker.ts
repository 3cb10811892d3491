// Web Worker entry of the data endpoint, holding the opened array files (heldData.ts).
import { expose } from 'comlink';
import { heldDataEndpoint } from './heldData.js';
import { dataEndpoint } from './data.js';

expose({ ...dataEndpoint, ...heldDataEndpoint });
