// The axes' tick labels and titles are HTML over the canvas (drei's <Html>), so a capture of
// the WebGL drawing buffer lacks them. This draws them into a 2D canvas at their on-screen
// places, scaled to the capture, in their own font and colour.

/** The labels drawn into captures: the axes' ticks and titles (renderer/scene/Axes.tsx). */
const LABEL_SELECTOR = '.axis-label';

/** The element holding the HTML labels of the 3D view whose canvas is `canvas`. */
export function labelLayerOf(canvas: HTMLCanvasElement): Element | null {
  return canvas.closest('.scene')?.querySelector('.scene__labels') ?? null;
}

/**
 * Draws the labels in `layer` into `context`, whose canvas shows the view of `canvas` scaled
 * by `scale`; `halo` outlines the text as the page's text shadow does (null: no outline).
 */
export function drawLabels(context: CanvasRenderingContext2D, layer: Element, canvas: HTMLCanvasElement, scale: number, halo: string | null): void {
  const view = canvas.getBoundingClientRect();
  context.save();
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.lineJoin = 'round';
  for (const label of layer.querySelectorAll<HTMLElement>(LABEL_SELECTOR)) {
    const box = label.getBoundingClientRect();
    const text = label.textContent?.trim();
    if (!text || box.width === 0) continue;
    const style = getComputedStyle(label);
    if (style.visibility === 'hidden') continue;
    const size = parseFloat(style.fontSize) * scale;
    context.font = `${style.fontStyle} ${style.fontWeight} ${size}px ${style.fontFamily}`;
    const x = (box.left + box.width / 2 - view.left) * scale;
    const y = (box.top + box.height / 2 - view.top) * scale;
    if (halo) {
      context.strokeStyle = halo;
      context.lineWidth = 3 * scale;
      context.strokeText(text, x, y);
    }
    context.fillStyle = style.color;
    context.fillText(text, x, y);
  }
  context.restore();
}
