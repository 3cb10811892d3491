// The renderer's handle on the lesson worker: one Web Worker for the page's lifetime, called
// through comlink. The lesson is cheap (microseconds for a lecture-size expression), but
// the symbolic derivative of a long expression is not, and typing must never stutter: so
// every computation runs there, never on the UI thread.
import { wrap } from 'comlink';
import type { BackpropPattern, SwellRow } from '../../engine/lesson/index.js';
import type { LectureNetwork, LessonEndpoint, LessonRequest, LessonResponse } from '../../workers/lesson.js';

/** What the lesson view may ask of its worker. */
export interface LessonClient {
  lesson(request: LessonRequest): Promise<LessonResponse>;
  swell(maxDepth?: number): Promise<SwellRow[]>;
  backprop(): Promise<{ network: LectureNetwork; pattern: BackpropPattern }>;
}

let client: LessonClient | null = null;

/** The page's lesson worker client, started on first use. */
export function lessonClient(): LessonClient {
  client ??= startLessonWorker();
  return client;
}

function startLessonWorker(): LessonClient {
  const worker = new Worker(new URL('../../workers/lesson.worker.ts', import.meta.url), { type: 'module', name: 'lesson' });
  const remote = wrap<LessonEndpoint>(worker);
  // A worker that fails to load or crashes never answers: turn that into a rejection.
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => reject(new Error(`The lesson worker failed: ${event.message || 'it could not be started'}`)));
  });
  failed.catch(() => undefined);
  return {
    lesson: (request) => Promise.race([remote.lesson(request), failed]),
    swell: (maxDepth) => Promise.race([remote.swell(maxDepth), failed]),
    backprop: () => Promise.race([remote.backprop(), failed]),
  };
}
