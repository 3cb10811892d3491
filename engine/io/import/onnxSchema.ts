// The few ONNX messages an MLP needs, as a protobufjs JSON descriptor with the field
// numbers of onnx/onnx.proto (ModelProto, GraphProto, NodeProto, AttributeProto,
// TensorProto, ValueInfoProto and the type and shape messages under it).
import protobuf from 'protobufjs/light.js';

const repeated = (type: string, id: number) => ({ rule: 'repeated', type, id });

const descriptor = {
  nested: {
    onnx: {
      nested: {
        ModelProto: { fields: { irVersion: { type: 'int64', id: 1 }, producerName: { type: 'string', id: 2 }, producerVersion: { type: 'string', id: 3 }, graph: { type: 'GraphProto', id: 7 }, opsetImport: repeated('OperatorSetIdProto', 8) } },
        OperatorSetIdProto: { fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } } },
        GraphProto: { fields: { node: repeated('NodeProto', 1), name: { type: 'string', id: 2 }, initializer: repeated('TensorProto', 5), input: repeated('ValueInfoProto', 11), output: repeated('ValueInfoProto', 12) } },
        NodeProto: { fields: { input: repeated('string', 1), output: repeated('string', 2), name: { type: 'string', id: 3 }, opType: { type: 'string', id: 4 }, attribute: repeated('AttributeProto', 5), domain: { type: 'string', id: 7 } } },
        AttributeProto: { fields: { name: { type: 'string', id: 1 }, f: { type: 'float', id: 2 }, i: { type: 'int64', id: 3 }, s: { type: 'bytes', id: 4 }, t: { type: 'TensorProto', id: 5 }, floats: repeated('float', 7), ints: repeated('int64', 8), type: { type: 'int32', id: 20 } } },
        TensorProto: {
          fields: {
            dims: repeated('int64', 1),
            dataType: { type: 'int32', id: 2 },
            floatData: repeated('float', 4),
            int32Data: repeated('int32', 5),
            int64Data: repeated('int64', 7),
            name: { type: 'string', id: 8 },
            rawData: { type: 'bytes', id: 9 },
            doubleData: repeated('double', 10),
            dataLocation: { type: 'int32', id: 14 },
          },
        },
        ValueInfoProto: { fields: { name: { type: 'string', id: 1 }, type: { type: 'TypeProto', id: 2 } } },
        TypeProto: { fields: { tensorType: { type: 'TypeProtoTensor', id: 1 } } },
        TypeProtoTensor: { fields: { elemType: { type: 'int32', id: 1 }, shape: { type: 'TensorShapeProto', id: 2 } } },
        TensorShapeProto: { fields: { dim: repeated('Dimension', 1) } },
        Dimension: { fields: { dimValue: { type: 'int64', id: 1 }, dimParam: { type: 'string', id: 2 } } },
      },
    },
  },
};

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

let modelType: protobuf.Type | null = null;

/** Decodes ModelProto bytes (int64s as numbers); throws protobufjs's errors on bad wire data. */
export function decodeOnnxModel(bytes: Uint8Array): OnnxModel {
  modelType ??= protobuf.Root.fromJSON(descriptor).lookupType('onnx.ModelProto');
  const message = modelType.decode(bytes);
  return modelType.toObject(message, { longs: Number, arrays: true }) as OnnxModel;
}
