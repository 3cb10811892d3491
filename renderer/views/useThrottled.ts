// A value that follows another at most every `ms` milliseconds (the latest one always lands).
import { useEffect, useRef, useState } from 'react';

/** `value`, updated at most every `ms` ms while it keeps changing; `urgent` values pass at once. */
export function useThrottled<T>(value: T, ms: number, urgent = false): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = urgent ? 0 : Math.max(0, last.current + ms - performance.now());
    const timer = setTimeout(() => {
      last.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms, urgent]);
  return urgent ? value : shown;
}
