// Web Worker entry of the data endpoint.
import { expose } from 'comlink';
import { dataEndpoint } from './data.js';

expose(dataEndpoint);
