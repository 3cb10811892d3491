// Web Worker entry of the export endpoint.
import { expose } from 'comlink';
import { exportEndpoint } from './export.js';

expose(exportEndpoint);
