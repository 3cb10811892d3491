// The few ONNX messages an MLP needs (ModelProto, GraphProto, NodeProto, AttributeProto,
// TensorProto, ValueInfoProto and the type and shape messages under it), read with pbf by the
// field numbers of onnx/onnx.proto. pbf generates no code at run time, so this runs under the
// app's Content Security Policy (no 'unsafe-eval'), in its workers too.
import { PbfReader } from 'pbf';

/** ONNX's TensorProto.DataType values Losscape reads. */
export const OnnxDataType = { FLOAT: 1, UINT8: 2, INT8: 3, INT32: 6, INT64: 7, FLOAT16: 10, DOUBLE: 11, BFLOAT16: 16 } as const;

export interface OnnxTensor {
  dims?: number[];
  dataType?: number;
  floatData?: number[];
  int32Data?: number[];
  int64Data?: number[];
  name?: string;
  rawData?: Uint8Array;
  doubleData?: number[];
  dataLocation?: number;
}

export interface OnnxAttribute {
  name?: string;
  f?: number;
  i?: number;
  s?: Uint8Array;
  t?: OnnxTensor;
  floats?: number[];
  ints?: number[];
}

export interface OnnxNode {
  input?: string[];
  output?: string[];
  name?: string;
  opType?: string;
  attribute?: OnnxAttribute[];
  domain?: string;
}

export interface OnnxValueInfo {
  name?: string;
  type?: { tensorType?: { elemType?: number; shape?: { dim?: { dimValue?: number; dimParam?: string }[] } } };
}

export interface OnnxModel {
  irVersion?: number;
  producerName?: string;
  producerVersion?: string;
  graph?: { node?: OnnxNode[]; name?: string; initializer?: OnnxTensor[]; input?: OnnxValueInfo[]; output?: OnnxValueInfo[] };
  opsetImport?: { domain?: string; version?: number }[];
}

/** The wire type of length-delimited fields: strings, bytes, messages and packed repeated numbers. */
const LENGTH_DELIMITED = 2;

type FieldReader<T> = (field: number, message: T, pbf: PbfReader) => void;

/**
 * Reads a message's fields with `read`, after checking that a length-delimited field ends
 * inside the bytes (pbf would read past the end of a truncated file as if it were zeros).
 */
function fields<T>(read: FieldReader<T>): FieldReader<T> {
  return (field, message, pbf) => {
    if (pbf.type === LENGTH_DELIMITED) {
      const start = pbf.pos;
      const end = pbf.readVarint() + pbf.pos;
      if (end > pbf.length) throw new Error(`field ${field} runs ${end - pbf.length} bytes past the end`);
      pbf.pos = start;
    }
    read(field, message, pbf);
  };
}

/** A varint field of int32 or int64 (negative values are ten-byte two's complement). */
const int = (pbf: PbfReader) => pbf.readVarint(true);
/** A repeated integer field, packed or not. */
const ints = (pbf: PbfReader, into: number[]) => pbf.readPackedVarint(into, true);

const readDimension = fields<{ dimValue?: number; dimParam?: string }>((f, m, pbf) => {
  if (f === 1) m.dimValue = int(pbf);
  else if (f === 2) m.dimParam = pbf.readString();
});
type Shape = NonNullable<NonNullable<NonNullable<OnnxValueInfo['type']>['tensorType']>['shape']>;
type TensorType = NonNullable<NonNullable<OnnxValueInfo['type']>['tensorType']>;
const readShape = fields<Shape>((f, m, pbf) => {
  if (f === 1) m.dim!.push(pbf.readMessage(readDimension, {}));
});
const readTensorType = fields<TensorType>((f, m, pbf) => {
  if (f === 1) m.elemType = int(pbf);
  else if (f === 2) m.shape = pbf.readMessage(readShape, { dim: [] });
});
const readType = fields<NonNullable<OnnxValueInfo['type']>>((f, m, pbf) => {
  if (f === 1) m.tensorType = pbf.readMessage(readTensorType, {});
});
const readValueInfo = fields<OnnxValueInfo>((f, m, pbf) => {
  if (f === 1) m.name = pbf.readString();
  else if (f === 2) m.type = pbf.readMessage(readType, {});
});

const readTensor = fields<OnnxTensor>((f, m, pbf) => {
  if (f === 1) ints(pbf, m.dims!);
  else if (f === 2) m.dataType = int(pbf);
  else if (f === 4) pbf.readPackedFloat(m.floatData);
  else if (f === 5) ints(pbf, m.int32Data!);
  else if (f === 7) ints(pbf, m.int64Data!);
  else if (f === 8) m.name = pbf.readString();
  else if (f === 9) m.rawData = pbf.readBytes();
  else if (f === 10) pbf.readPackedDouble(m.doubleData);
  else if (f === 14) m.dataLocation = int(pbf);
});
const newTensor = (): OnnxTensor => ({ dims: [], floatData: [], int32Data: [], int64Data: [], doubleData: [] });

const readAttribute = fields<OnnxAttribute>((f, m, pbf) => {
  if (f === 1) m.name = pbf.readString();
  else if (f === 2) m.f = pbf.readFloat();
  else if (f === 3) m.i = int(pbf);
  else if (f === 4) m.s = pbf.readBytes();
  else if (f === 5) m.t = pbf.readMessage(readTensor, newTensor());
  else if (f === 7) pbf.readPackedFloat(m.floats);
  else if (f === 8) ints(pbf, m.ints!);
});

const readNode = fields<OnnxNode>((f, m, pbf) => {
  if (f === 1) m.input!.push(pbf.readString());
  else if (f === 2) m.output!.push(pbf.readString());
  else if (f === 3) m.name = pbf.readString();
  else if (f === 4) m.opType = pbf.readString();
  else if (f === 5) m.attribute!.push(pbf.readMessage(readAttribute, { floats: [], ints: [] }));
  else if (f === 7) m.domain = pbf.readString();
});

const readGraph = fields<NonNullable<OnnxModel['graph']>>((f, m, pbf) => {
  if (f === 1) m.node!.push(pbf.readMessage(readNode, { input: [], output: [], attribute: [] }));
  else if (f === 2) m.name = pbf.readString();
  else if (f === 5) m.initializer!.push(pbf.readMessage(readTensor, newTensor()));
  else if (f === 11) m.input!.push(pbf.readMessage(readValueInfo, {}));
  else if (f === 12) m.output!.push(pbf.readMessage(readValueInfo, {}));
});

const readOperatorSet = fields<{ domain?: string; version?: number }>((f, m, pbf) => {
  if (f === 1) m.domain = pbf.readString();
  else if (f === 2) m.version = int(pbf);
});

const readModel = fields<OnnxModel>((f, m, pbf) => {
  if (f === 1) m.irVersion = int(pbf);
  else if (f === 2) m.producerName = pbf.readString();
  else if (f === 3) m.producerVersion = pbf.readString();
  else if (f === 7) m.graph = pbf.readMessage(readGraph, { node: [], initializer: [], input: [], output: [] });
  else if (f === 8) m.opsetImport!.push(pbf.readMessage(readOperatorSet, {}));
});

/** Decodes ModelProto bytes (int64s as numbers, repeated fields as arrays); throws on wire data that is not protobuf or is cut short. */
export function decodeOnnxModel(bytes: Uint8Array): OnnxModel {
  const pbf = new PbfReader(bytes);
  const model = pbf.readFields(readModel, { opsetImport: [] });
  if (pbf.pos !== pbf.length) throw new Error(`the last field runs ${pbf.pos - pbf.length} bytes past the end`);
  return model;
}
