// Tells the app when a piece of data has reached the screen: after the first frame that
// rendered it has been drawn (the canvas keeps its drawing buffer, so it can be read back).
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';

interface DrawnSignalProps<T> {
  /** The data drawn by the sibling components; a new value starts a new wait. */
  token: T;
  onDrawn: (token: T) => void;
}

/** Calls `onDrawn(token)` once the frame that first shows `token` has been rendered. */
export function DrawnSignal<T>({ token, onDrawn }: DrawnSignalProps<T>) {
  const pending = useRef<{ token: T } | null>(null);
  const invalidate = useThree((state) => state.invalidate);

  useEffect(() => {
    pending.current = { token };
    invalidate();
  }, [token, invalidate]);

  // Frame callbacks run just before the frame is rendered; report on the next tick after it.
  useFrame(() => {
    const waiting = pending.current;
    if (waiting === null) return;
    pending.current = null;
    requestAnimationFrame(() => onDrawn(waiting.token));
  });

  return null;
}
