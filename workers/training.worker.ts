// Web Worker entry of the training endpoint.
import { expose } from 'comlink';
import { trainingEndpoint } from './training.js';

expose(trainingEndpoint);
