// Web Worker entry of the export endpoint, holding the opened array files (heldData.ts).
import { expose } from 'comlink';
import { heldDataEndpoint } from './heldData.js';
import { exportEndpoint } from './export.js';

expose({ ...exportEndpoint, ...heldDataEndpoint });
