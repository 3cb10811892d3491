// A minimal reader of a Matroska/WebM file's EBML header (RFC 8794): enough to check that a
// file is EBML and to read its DocType, independently of the browser that wrote it.

/** A variable-length integer at `at`: its value (marker bit dropped unless `keepMarker`) and length. */
function vint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number } {
  const first = bytes[at];
  const length = Math.clz32(first) - 23;
  if (length < 1 || length > 8) throw new Error(`bad EBML variable-length integer at byte ${at}`);
  let value = keepMarker ? first : first & (0xff >> length);
  for (let k = 1; k < length; k++) value = value * 256 + bytes[at + k];
  return { value, length };
}

/** The EBML header's DocType ("webm", "matroska"); throws when the file does not start with an EBML header. */
export function ebmlDocType(bytes: Uint8Array): string {
  const id = vint(bytes, 0, true);
  if (id.value !== 0x1a45dfa3) throw new Error('not an EBML file: it does not start with 1A 45 DF A3');
  const size = vint(bytes, id.length, false);
  let at = id.length + size.length;
  const end = at + size.value;
  while (at < end) {
    const child = vint(bytes, at, true);
    const childSize = vint(bytes, at + child.length, false);
    const data = at + child.length + childSize.length;
    if (child.value === 0x4282) return new TextDecoder().decode(bytes.subarray(data, data + childSize.value));
    at = data + childSize.value;
  }
  throw new Error('the EBML header has no DocType');
}
