// The standalone HTML page: one file that loads nothing from anywhere, carries the surface's
// values, and whose viewer script draws every cell (run here against a recording canvas).
import { describe, expect, it } from 'vitest';
import { surfaceHtml } from '../../../../engine/io/export/index.js';
import { syntheticSurface } from '../syntheticSurface.js';

const surface = syntheticSurface(13, 9, { missing: [[3, 3]] });
const html = surfaceHtml(surface, { title: 'Bowl <1>' });

/** Runs the page's script with a fake document whose canvas counts the polygons filled. */
function runViewer(page: string) {
  const data = /<script type="application\/json" id="losscape-data">([\s\S]*?)<\/script>/.exec(page)![1];
  const script = /<script>\n([\s\S]*?)\n<\/script>/.exec(page)![1];
  const calls: Record<string, number> = {};
  const context = new Proxy({}, {
    get: (_t, name: string) => (...args: unknown[]) => {
      calls[name] = (calls[name] ?? 0) + 1;
      return args;
    },
    set: () => true,
  });
  const listeners: Record<string, (e: unknown) => void> = {};
  const canvas = { width: 960, height: 720, clientWidth: 960, clientHeight: 720, getContext: () => context, setPointerCapture() {}, addEventListener: (name: string, f: (e: unknown) => void) => (listeners[name] = f) };
  const document = { getElementById: (id: string) => (id === 'view' ? canvas : { textContent: data }) };
  const window = { devicePixelRatio: 2, addEventListener() {} };
  new Function('document', 'window', 'requestAnimationFrame', script)(document, window, (f: () => void) => f());
  return { calls, listeners, data: JSON.parse(data) };
}

describe('standalone HTML', () => {
  it('needs no network: no external script, style, image or font', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/\b(src|href)\s*=/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toContain('<title>Bowl &lt;1&gt;</title>');
  });

  it('carries the surface’s axes, values (null where missing), range and path', () => {
    const { data } = runViewer(html);
    expect(data.alpha).toEqual(surface.alpha);
    expect(data.beta).toEqual(surface.beta);
    expect(data.values).toEqual(surface.values.loss.flat());
    const finite = surface.values.loss.flat().filter((v): v is number => typeof v === 'number');
    expect(data.range).toEqual([Math.min(...finite), Math.max(...finite)]);
    expect(data.path).toHaveLength(surface.trajectory!.length);
  });

  it('draws every known cell and redraws when dragged (orbit) or scrolled (zoom)', () => {
    const { calls, listeners } = runViewer(html);
    expect(calls.fill).toBe(12 * 8 - 4);
    for (const name of ['pointerdown', 'pointermove', 'pointerup', 'wheel', 'dblclick']) expect(listeners[name]).toBeTypeOf('function');
    listeners.pointerdown({ clientX: 10, clientY: 10, pointerId: 1 });
    listeners.pointermove({ clientX: 60, clientY: 30 });
    listeners.wheel({ deltaY: -100, preventDefault() {} });
    expect(calls.fill).toBe(3 * (12 * 8 - 4));
  });

  it('samples large grids to at most `points` a side', () => {
    const { data } = runViewer(surfaceHtml(syntheticSurface(301, 201, { trajectory: false }), { points: 101 }));
    expect(data.alpha.length).toBeLessThanOrEqual(101);
    expect(data.alpha.at(-1)).toBe(1);
    expect(data.values).toHaveLength(data.alpha.length * data.beta.length);
  });
});
