// The lesson state's reducer: the stepper stays within its pass, a new expression starts
// over, new values keep the step, and a new seed restarts only its own pass.
import { describe, expect, it } from 'vitest';
import { lessonExamples } from '../../../renderer/lesson/examples.js';
import { clampPosition, initialLessonState, lessonReducer, type LessonAction, type LessonState } from '../../../renderer/lesson/lessonState.js';

const run = (state: LessonState, ...actions: LessonAction[]) => actions.reduce(lessonReducer, state);

describe('lessonReducer', () => {
  const start = initialLessonState();

  it('opens on the lecture example, seeded on w₁ and y₂ as in the lecture', () => {
    expect(start).toMatchObject({ source: 'y1 = sin(w1*x + w0); y2 = cos(w1*x + w0)', wrt: 'w1', of: 'y2', mode: 'forward', forwardPosition: 0, reversePosition: 0 });
  });

  it('steps, goes back, resets and ends within [0, total]', () => {
    expect(run(start, { type: 'step', total: 7 }, { type: 'step', total: 7 }).forwardPosition).toBe(2);
    expect(run(start, { type: 'back' }).forwardPosition).toBe(0);
    expect(run(start, { type: 'end', total: 7 }, { type: 'step', total: 7 }).forwardPosition).toBe(7);
    expect(run(start, { type: 'end', total: 7 }, { type: 'back' }, { type: 'reset' }).forwardPosition).toBe(0);
  });

  it('keeps one position per mode', () => {
    const state = run(start, { type: 'step', total: 7 }, { type: 'mode', mode: 'reverse' }, { type: 'step', total: 7 }, { type: 'step', total: 7 }, { type: 'step', total: 7 });
    expect(state).toMatchObject({ mode: 'reverse', forwardPosition: 1, reversePosition: 3 });
    expect(run(state, { type: 'mode', mode: 'forward' }, { type: 'step', total: 7 })).toMatchObject({ forwardPosition: 2, reversePosition: 3 });
  });

  it('starts both passes over on a new expression, and keeps the step on new values', () => {
    const stepped = run(start, { type: 'step', total: 7 }, { type: 'mode', mode: 'reverse' }, { type: 'step', total: 7 });
    expect(run(stepped, { type: 'value', name: 'x', value: 3 })).toMatchObject({ forwardPosition: 1, reversePosition: 1, values: { x: 3 } });
    expect(run(stepped, { type: 'source', source: 'x*y' })).toMatchObject({ source: 'x*y', forwardPosition: 0, reversePosition: 0 });
    expect(run(stepped, { type: 'source', source: stepped.source })).toBe(stepped);
  });

  it('restarts only the pass whose seed changes', () => {
    const stepped = run(start, { type: 'step', total: 7 }, { type: 'mode', mode: 'reverse' }, { type: 'step', total: 7 });
    expect(run(stepped, { type: 'wrt', input: 'x' })).toMatchObject({ wrt: 'x', forwardPosition: 0, reversePosition: 1 });
    expect(run(stepped, { type: 'of', output: 'y1' })).toMatchObject({ of: 'y1', forwardPosition: 1, reversePosition: 0 });
  });

  it('loads an example with its values and seeds, keeping the mode and other values', () => {
    const loss = lessonExamples.find((e) => e.id === 'squared-loss')!;
    const state = run(start, { type: 'mode', mode: 'reverse' }, { type: 'value', name: 'q', value: 5 }, { type: 'example', example: loss });
    expect(state).toMatchObject({ source: loss.source, mode: 'reverse', wrt: 'w', of: null, values: { w: 2, x: 3, y: 1, q: 5 } });
  });

  it('the state is plain data that survives JSON', () => {
    const state = run(start, { type: 'step', total: 7 }, { type: 'value', name: 'x', value: -1.5 });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('clampPosition', () => {
    expect([clampPosition(-1, 5), clampPosition(3, 5), clampPosition(9, 5), clampPosition(2, -1)]).toEqual([0, 3, 5, 0]);
  });
});
