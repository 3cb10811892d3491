// What the animated exports (WebM, GIF) share: `step(t)` moves the scene from t = 0 to 1, and
// the last frame is held a little longer.

export interface AnimationOptions {
  /** Length of the animation, in seconds (the last frame is held a little longer). */
  seconds: number;
  fps: number;
  /** Moves the scene to t ∈ [0, 1]. */
  step(t: number): void;
  /** Called with the fraction done, 0 … 1. */
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
}

/** How long the last frame stays, so players do not end on a half-drawn marker. */
export const HOLD_SECONDS = 0.5;
