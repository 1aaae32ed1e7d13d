import { FEATURE_BITS } from './features.ts';
import { STRIDE, Weights } from './weights.ts';

const MAGIC = 0x434b5a57; // "WZKC" little-endian
const VERSION = 1;
const HEADER = 16;

/**
 * Weights as bytes: a 16-byte header (magic, version, feature bits, stride), the bias row, then
 * for each non-zero bucket, in ascending order, its id (uint32) and row (STRIDE float32),
 * little-endian. A trained base model of ~13,000 non-zero rows is about 1 MB.
 */
export function toBytes(weights: Weights): Uint8Array {
  const rows: [number, Float32Array, number][] = [];
  weights.forEachRow((bucket, values, at) => rows.push([bucket, values, at]));
  const size = HEADER + STRIDE * 4 + rows.length * (4 + STRIDE * 4);
  const view = new DataView(new ArrayBuffer(size));
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, FEATURE_BITS, true);
  view.setUint32(12, STRIDE, true);
  let at = HEADER;
  for (let k = 0; k < STRIDE; k++, at += 4) view.setFloat32(at, weights.bias[k]!, true);
  for (const [bucket, values, row0] of rows) {
    view.setUint32(at, bucket, true);
    at += 4;
    for (let k = 0; k < STRIDE; k++, at += 4) view.setFloat32(at, values[row0 + k]!, true);
  }
  return new Uint8Array(view.buffer);
}

/** Reads weights written by `toBytes`; throws on another format or shape. */
export function fromBytes(bytes: Uint8Array): Weights {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const row = 4 + STRIDE * 4;
  if (bytes.byteLength < HEADER + STRIDE * 4 || view.getUint32(0, true) !== MAGIC) throw new Error('classifier weights: not a Waakzaam model');
  if (view.getUint32(4, true) !== VERSION || view.getUint32(8, true) !== FEATURE_BITS || view.getUint32(12, true) !== STRIDE) {
    throw new Error('classifier weights: another version or shape');
  }
  if ((bytes.byteLength - HEADER - STRIDE * 4) % row !== 0) throw new Error('classifier weights: truncated');
  const weights = Weights.empty();
  let at = HEADER;
  for (let k = 0; k < STRIDE; k++, at += 4) weights.bias[k] = view.getFloat32(at, true);
  while (at < bytes.byteLength) {
    const bucket = view.getUint32(at, true);
    if (bucket >>> FEATURE_BITS !== 0) throw new Error('classifier weights: bucket out of range');
    at += 4;
    const row0 = weights.writableRow(bucket);
    const values = weights.values;
    for (let k = 0; k < STRIDE; k++, at += 4) values[row0 + k] = view.getFloat32(at, true);
  }
  return weights;
}
