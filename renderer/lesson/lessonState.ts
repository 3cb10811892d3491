// The lesson view's whole state as one serializable object, and the reducer that changes it.
// The lesson's numbers are not here: they follow from this state (the worker computes them).
import { defaultExample, type LessonExample } from './examples.js';

export type LessonMode = 'forward' | 'reverse';

export interface LessonState {
  /** The expression as typed. */
  source: string;
  /** Input values by name; inputs without one get the worker's fallback. Kept across edits. */
  values: Record<string, number>;
  /** The input forward mode seeds and the output reverse mode seeds (null: the first). */
  wrt: string | null;
  of: string | null;
  mode: LessonMode;
  /** How many steps of each pass are shown (0: none yet). */
  forwardPosition: number;
  reversePosition: number;
}

export type LessonAction =
  | { type: 'source'; source: string }
  | { type: 'example'; example: LessonExample }
  | { type: 'value'; name: string; value: number }
  | { type: 'wrt'; input: string }
  | { type: 'of'; output: string }
  | { type: 'mode'; mode: LessonMode }
  /** Stepper moves on the current mode's pass, which has `total` steps. */
  | { type: 'step'; total: number }
  | { type: 'back' }
  | { type: 'reset' }
  | { type: 'end'; total: number };

/** The state the lesson opens with: the lecture's example, nothing stepped yet. */
export function initialLessonState(example: LessonExample = defaultExample): LessonState {
  return { source: example.source, values: { ...example.values }, wrt: example.wrt ?? null, of: example.of ?? null, mode: 'forward', forwardPosition: 0, reversePosition: 0 };
}

const positionKey = (mode: LessonMode) => (mode === 'forward' ? 'forwardPosition' : 'reversePosition');

/** The next state. A new expression starts both passes over; new values keep the steps where they are. */
export function lessonReducer(state: LessonState, action: LessonAction): LessonState {
  const key = positionKey(state.mode);
  switch (action.type) {
    case 'source':
      return action.source === state.source ? state : { ...state, source: action.source, forwardPosition: 0, reversePosition: 0 };
    case 'example':
      return { ...initialLessonState(action.example), mode: state.mode, values: { ...state.values, ...action.example.values } };
    case 'value':
      return Object.is(state.values[action.name], action.value) ? state : { ...state, values: { ...state.values, [action.name]: action.value } };
    case 'wrt':
      return action.input === state.wrt ? state : { ...state, wrt: action.input, forwardPosition: 0 };
    case 'of':
      return action.output === state.of ? state : { ...state, of: action.output, reversePosition: 0 };
    case 'mode':
      return action.mode === state.mode ? state : { ...state, mode: action.mode };
    case 'step':
      return { ...state, [key]: clampPosition(state[key] + 1, action.total) };
    case 'back':
      return { ...state, [key]: Math.max(0, state[key] - 1) };
    case 'reset':
      return { ...state, [key]: 0 };
    case 'end':
      return { ...state, [key]: Math.max(0, action.total) };
  }
}

/** A position within a pass of `total` steps: 0 … total. */
export function clampPosition(position: number, total: number): number {
  return Math.min(Math.max(0, position), Math.max(0, total));
}
