// Web Worker entry for the autodiff lesson: the renderer talks to it with comlink's wrap().
import { expose } from 'comlink';
import { lessonEndpoint } from './lesson.js';

expose(lessonEndpoint);
