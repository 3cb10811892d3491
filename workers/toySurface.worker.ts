// Web Worker entry for the toy-surface job: the renderer talks to it with comlink's wrap().
import { expose } from 'comlink';
import { toySurfaceEndpoint } from './toySurface.js';

expose(toySurfaceEndpoint);
