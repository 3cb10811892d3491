// Web Worker entry of the analysis endpoint, holding the opened array files (heldData.ts).
import { expose } from 'comlink';
import { heldDataEndpoint } from './heldData.js';
import { analysisEndpoint } from './analysis.js';

expose({ ...analysisEndpoint, ...heldDataEndpoint });
