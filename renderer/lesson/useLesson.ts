// React hooks over the lesson worker: the lesson for the current request (answers to stale
// requests are dropped), and the two studies that do not depend on the expression.
import { useEffect, useMemo, useState } from 'react';
import type { LessonData, LessonProblem, LessonRequest } from '../../workers/lesson.js';
import { lessonClient, type LessonClient } from './lessonClient.js';

/** Where the current request stands. */
export interface LessonJob {
  status: 'computing' | 'ready' | 'problem' | 'error';
  /** The latest lesson received: while computing or after a bad expression, the last good one (or null). */
  lesson: LessonData | null;
  /** What is wrong with the current expression. */
  problem: LessonProblem | null;
  /** The worker's failure, if it failed. */
  error: string | null;
}

interface Settled {
  request: LessonRequest;
  lesson: LessonData | null;
  problem: LessonProblem | null;
  error: string | null;
}

/** The lesson for `source` at `values`, seeded on `wrt` (forward) and `of` (reverse). */
export function useLesson(source: string, values: Record<string, number>, wrt: string | null, of: string | null): LessonJob {
  const request = useMemo<LessonRequest>(() => ({ source, values, wrt, of }), [source, values, wrt, of]);
  const [settled, setSettled] = useState<Settled | null>(null);
  const [lastGood, setLastGood] = useState<LessonData | null>(null);

  useEffect(() => {
    let current = true;
    lessonClient()
      .lesson(request)
      .then(
        (response) => {
          if (!current) return;
          if (response.ok) {
            setSettled({ request, lesson: response.lesson, problem: null, error: null });
            setLastGood(response.lesson);
          } else {
            setSettled({ request, lesson: null, problem: response.problem, error: null });
          }
        },
        (error: unknown) => {
          if (current) setSettled({ request, lesson: null, problem: null, error: error instanceof Error ? error.message : String(error) });
        },
      );
    return () => {
      current = false;
    };
  }, [request]);

  if (settled?.request !== request) return { status: 'computing', lesson: lastGood, problem: null, error: null };
  if (settled.error !== null) return { status: 'error', lesson: lastGood, problem: null, error: settled.error };
  if (settled.problem !== null) return { status: 'problem', lesson: lastGood, problem: settled.problem, error: null };
  return { status: 'ready', lesson: settled.lesson, problem: null, error: null };
}

/** One answer from the worker that depends on nothing the user types (null until it arrives). */
export function useWorkerOnce<T>(ask: (client: LessonClient) => Promise<T>): { value: T | null; error: string | null } {
  const [state, setState] = useState<{ value: T | null; error: string | null }>({ value: null, error: null });
  useEffect(() => {
    let current = true;
    ask(lessonClient()).then(
      (value) => current && setState({ value, error: null }),
      (error: unknown) => current && setState({ value: null, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
    // Asked once, on mount: `ask` is a constant of the caller.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return state;
}
