// A few lines of SVG writing: elements as strings, numbers short and exact enough for print.

type Attrs = Record<string, string | number | undefined | null>;

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A coordinate with two decimals at most (0.01 px is below any printer's dot). */
export function px(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/**
 * `<tag a="1">children</tag>`, or `<tag a="1"/>` without children; undefined attributes are left
 * out. Coordinates are rounded to 0.01; data-* attributes keep full precision.
 */
export function el(tag: string, attrs: Attrs = {}, children: string | string[] = ''): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' && !k.startsWith('data-') ? px(v) : escapeXml(String(v))}"`)
    .join('');
  const inner = Array.isArray(children) ? children.join('') : children;
  return inner ? `<${tag}${a}>${inner}</${tag}>` : `<${tag}${a}/>`;
}

/** Text at (x, y) in the figure's font. */
export function text(x: number, y: number, content: string, attrs: Attrs = {}): string {
  return el('text', { x, y, ...attrs }, escapeXml(content));
}

/**
 * The root element: `width`×`height` px on the page, drawn in a viewBox `viewWidth` wide, so
 * the figure is the same at any pixel size (a 4K PNG is the 960 px figure, only sharper).
 */
export function svgDocument(size: { width: number; height: number; viewWidth: number; viewHeight: number }, attrs: Attrs, children: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${el(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', width: size.width, height: size.height, viewBox: `0 0 ${px(size.viewWidth)} ${px(size.viewHeight)}`, ...attrs },
    children,
  )}\n`;
}
