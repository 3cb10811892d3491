// Web Worker entry of the landscape endpoint.
import { expose } from 'comlink';
import { landscapeEndpoint } from './landscape.js';

expose(landscapeEndpoint);
