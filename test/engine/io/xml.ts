// Reading exported SVG and VTK back with an independent XML parser (fast-xml-parser).
import { XMLParser } from 'fast-xml-parser';

/** An element: its attributes (strings), its children by tag, and its text. */
export type XmlNode = Record<string, unknown> & { '#text'?: string };

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false, isArray: (_n, _p, _leaf, isAttribute) => !isAttribute });

/** Parses XML; throws on malformed documents. */
export function parseXml(text: string): XmlNode {
  return parser.parse(text, true) as XmlNode;
}

/** Every element named `tag` under `node`, in document order per parent. */
export function findAll(node: unknown, tag: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (typeof n !== 'object' || n === null) return;
    for (const [key, value] of Object.entries(n)) {
      if (key === tag && Array.isArray(value)) out.push(...(value as XmlNode[]));
      if (typeof value === 'object') walk(value);
    }
  };
  walk(node);
  return out;
}

/** The element with this id. */
export function byId(node: unknown, id: string): XmlNode {
  const found: XmlNode[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (typeof n !== 'object' || n === null) return;
    if ((n as XmlNode).id === id) found.push(n as XmlNode);
    for (const value of Object.values(n)) if (typeof value === 'object') walk(value);
  };
  walk(node);
  if (found.length !== 1) throw new Error(`expected one element #${id}, found ${found.length}`);
  return found[0];
}

/** `#rrggbb` as 0–255 channels. */
export function hexRgb(hex: string): number[] {
  return [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
}
