// Web Worker entry of the analysis endpoint.
import { expose } from 'comlink';
import { analysisEndpoint } from './analysis.js';

expose(analysisEndpoint);
