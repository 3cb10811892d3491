// The rendered size of an element, followed with a ResizeObserver.
import { useLayoutEffect, useState, type RefObject } from 'react';

/** The size of `ref`'s element in CSS pixels (`fallback` until measured). */
export function useSize(ref: RefObject<HTMLElement | null>, fallback = { width: 400, height: 300 }): { width: number; height: number } {
  const [size, setSize] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // Measure before the first paint, then follow resizes.
    const measure = (width: number, height: number) => {
      if (width > 0) setSize((old) => (old.width === Math.floor(width) && old.height === Math.floor(height) ? old : { width: Math.floor(width), height: Math.floor(height) }));
    };
    const box = element.getBoundingClientRect();
    measure(box.width, box.height);
    const observer = new ResizeObserver((entries) => {
      const rect = entries[0]?.contentRect;
      if (rect) measure(rect.width, rect.height);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/** The width of `ref`'s element in CSS pixels (`fallback` until measured). */
export function useWidth(ref: RefObject<HTMLElement | null>, fallback = 400): number {
  return useSize(ref, { width: fallback, height: 0 }).width;
}
