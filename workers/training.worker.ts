// Web Worker entry of the training endpoint, holding the opened array files (heldData.ts).
import { expose } from 'comlink';
import { heldDataEndpoint } from './heldData.js';
import { trainingEndpoint } from './training.js';

expose({ ...trainingEndpoint, ...heldDataEndpoint });
