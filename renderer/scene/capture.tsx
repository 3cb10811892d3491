// Captures of a 3D view at any size: the canvas's renderer draws the same scene from the same
// camera into a drawing buffer of that size once, the buffer is copied, and the canvas goes
// back to its size; an animation's frames copy the canvas as drawn. The axes' HTML labels are
// drawn over either (labelOverlay.ts). Canvases register themselves here (by element) so a
// menu outside the react-three-fiber tree can reach their renderer.
import { useThree, type RootState } from '@react-three/fiber';
import { useEffect } from 'react';
import { Color, Vector2 } from 'three';
import { drawLabels, labelLayerOf } from './labelOverlay.js';

const registry = new WeakMap<HTMLCanvasElement, () => RootState>();

/** Registers the canvas it is rendered in for captures; render it inside a <Canvas>. */
export function CaptureRegistration() {
  const get = useThree((s) => s.get);
  const canvas = useThree((s) => s.gl.domElement);
  useEffect(() => {
    registry.set(canvas, get);
    return () => void registry.delete(canvas);
  }, [canvas, get]);
  return null;
}

/** The largest side a capture may have (WebGL drawing buffers are limited). */
export const MAX_CAPTURE_SIDE = 8192;

/**
 * Renders the view of `canvas` `width` px wide (the height keeps the view's aspect, so the
 * camera is unchanged) into a new 2D canvas, with its labels; a transparent capture drops the
 * background.
 */
function captureView(canvas: HTMLCanvasElement, width: number, transparent = false): HTMLCanvasElement {
  const get = registry.get(canvas);
  if (!get) throw new Error('this view cannot be captured: its canvas is not registered');
  const { gl, scene, camera, size, invalidate } = get();
  const maxSide = Math.min(MAX_CAPTURE_SIDE, gl.capabilities.maxTextureSize || MAX_CAPTURE_SIDE);
  let w = Math.round(width);
  let h = Math.round((width * size.height) / size.width);
  const shrink = Math.min(1, maxSide / Math.max(w, h));
  w = Math.max(1, Math.floor(w * shrink));
  h = Math.max(1, Math.floor(h * shrink));
  const ratio = gl.getPixelRatio();
  const previous = gl.getSize(new Vector2());
  const background = scene.background;
  const clearAlpha = gl.getClearAlpha();
  try {
    if (transparent) {
      scene.background = null;
      gl.setClearAlpha(0);
    }
    gl.setPixelRatio(1);
    gl.setSize(w, h, false);
    gl.render(scene, camera);
    // Drawing copies the drawing buffer at once; the canvas may be restored right after.
    return viewImage(canvas, w, h);
  } finally {
    scene.background = background;
    gl.setClearAlpha(clearAlpha);
    gl.setPixelRatio(ratio);
    gl.setSize(previous.x, previous.y, false);
    gl.render(scene, camera);
    invalidate();
  }
}

/** The view of `canvas` `width` px wide as a PNG (see captureView). */
export async function capturePng(canvas: HTMLCanvasElement, width: number, transparent = false): Promise<Blob> {
  const image = captureView(canvas, width, transparent);
  const png = await new Promise<Blob | null>((resolve) => image.toBlob(resolve, 'image/png'));
  if (!png) throw new Error('the browser could not encode the image');
  return png;
}

/**
 * The view of `canvas` as last drawn, scaled to `width` px wide, with its labels: no render of
 * its own (the canvas keeps its drawing buffer), so cheap enough for every frame of an animation.
 */
export function snapshotView(canvas: HTMLCanvasElement, width: number): HTMLCanvasElement {
  return viewImage(canvas, Math.round(width), Math.round((width * canvas.height) / canvas.width));
}

/** A w × h canvas showing the view of `canvas` as it is now, with the axes' labels. */
function viewImage(canvas: HTMLCanvasElement, w: number, h: number): HTMLCanvasElement {
  const image = document.createElement('canvas');
  image.width = w;
  image.height = h;
  const context = image.getContext('2d');
  if (!context) throw new Error('the browser has no 2D canvas to draw the labels on');
  drawView(canvas, context);
  return image;
}

/** Draws the view of `canvas` as it is now, with the axes' labels, to fill `context`'s canvas. */
function drawView(canvas: HTMLCanvasElement, context: CanvasRenderingContext2D): void {
  const background = registry.get(canvas)?.().scene.background;
  const halo = background instanceof Color ? `#${background.getHexString()}` : null;
  context.drawImage(canvas, 0, 0, context.canvas.width, context.canvas.height);
  const layer = labelLayerOf(canvas);
  if (layer) drawLabels(context, layer, canvas, context.canvas.width / canvas.getBoundingClientRect().width, halo);
}

/** Whether `canvas` can be captured. */
export function canCapture(canvas: HTMLCanvasElement | null): canvas is HTMLCanvasElement {
  return canvas !== null && registry.has(canvas);
}
