// Adds the TFLite ModelMetadata that MediaPipe tasks-vision requires (an RGB image input
// normalised with mean/std) to a .tflite model that ships without it.
//
// A FlatBuffer's references only point forward, so the new root Model table is written in
// front of the untouched original bytes and refers into them; only the `buffers` and
// `metadata` vectors are new (old entries plus one buffer holding the metadata).
import * as flatbuffers from 'flatbuffers';

const MODEL_FIELDS = {
  version: 0,
  operatorCodes: 1,
  subgraphs: 2,
  description: 3,
  buffers: 4,
  metadataBuffer: 5,
  metadata: 6,
  signatureDefs: 7,
};
const CONTENT_IMAGE_PROPERTIES = 2;
const PROCESS_UNIT_NORMALIZATION = 1;
const COLOR_SPACE_RGB = 1;

/** Absolute position of field `id` of the table at `table`, or 0 when absent. */
function fieldPosition(bb, table, id) {
  const vtable = table - bb.readInt32(table);
  const slot = 4 + 2 * id;
  if (slot >= bb.readUint16(vtable)) return 0;
  const rel = bb.readUint16(vtable + slot);
  return rel ? table + rel : 0;
}

function referencedPosition(bb, fieldPos) {
  return fieldPos + bb.readUint32(fieldPos);
}

function vectorElementTables(bb, vectorPos) {
  const length = bb.readUint32(vectorPos);
  const elements = [];
  for (let i = 0; i < length; i++) elements.push(referencedPosition(bb, vectorPos + 4 + 4 * i));
  return elements;
}

function buildModelMetadata({ name, description, version, mean, std, width, height }) {
  const b = new flatbuffers.Builder(1024);
  const floatVector = (values) => {
    b.startVector(4, values.length, 4);
    for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i]);
    return b.endVector();
  };
  const offsetVector = (offsets) => {
    b.startVector(4, offsets.length, 4);
    for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]);
    return b.endVector();
  };

  const meanOffset = floatVector(mean);
  const stdOffset = floatVector(std);
  b.startObject(2); // NormalizationOptions
  b.addFieldOffset(0, meanOffset, 0);
  b.addFieldOffset(1, stdOffset, 0);
  const normalization = b.endObject();

  b.startObject(2); // ProcessUnit
  b.addFieldInt8(0, PROCESS_UNIT_NORMALIZATION, 0);
  b.addFieldOffset(1, normalization, 0);
  const processUnit = b.endObject();

  b.startObject(2); // ImageSize
  b.addFieldInt32(0, width, 0);
  b.addFieldInt32(1, height, 0);
  const imageSize = b.endObject();

  b.startObject(2); // ImageProperties
  b.addFieldInt8(0, COLOR_SPACE_RGB, 0);
  b.addFieldOffset(1, imageSize, 0);
  const imageProperties = b.endObject();

  b.startObject(3); // Content
  b.addFieldInt8(0, CONTENT_IMAGE_PROPERTIES, 0);
  b.addFieldOffset(1, imageProperties, 0);
  const content = b.endObject();

  const tensorName = b.createString('image');
  const processUnits = offsetVector([processUnit]);
  b.startObject(7); // TensorMetadata
  b.addFieldOffset(0, tensorName, 0);
  b.addFieldOffset(3, content, 0);
  b.addFieldOffset(4, processUnits, 0);
  const inputTensor = b.endObject();

  const inputs = offsetVector([inputTensor]);
  b.startObject(7); // SubGraphMetadata
  b.addFieldOffset(2, inputs, 0);
  const subgraph = b.endObject();

  const nameOffset = b.createString(name);
  const descriptionOffset = b.createString(description);
  const versionOffset = b.createString(version);
  const parserVersion = b.createString('1.0.0');
  const subgraphs = offsetVector([subgraph]);
  b.startObject(8); // ModelMetadata
  b.addFieldOffset(0, nameOffset, 0);
  b.addFieldOffset(1, descriptionOffset, 0);
  b.addFieldOffset(2, versionOffset, 0);
  b.addFieldOffset(3, subgraphs, 0);
  b.addFieldOffset(7, parserVersion, 0);
  b.finish(b.endObject(), 'M001');
  return b.asUint8Array();
}

/**
 * @param {Uint8Array} model original .tflite bytes
 * @param {{name: string, description: string, version: string, mean: number[], std: number[], width: number, height: number}} info
 * @returns {Uint8Array} the model with a TFLITE_METADATA entry
 */
export function addImageMetadata(model, info) {
  const old = new flatbuffers.ByteBuffer(model);
  if (!old.__has_identifier('TFL3')) throw new Error('not a TFLite model (identifier TFL3 missing)');
  const root = old.readUint32(0);

  const metadataBytes = buildModelMetadata(info);
  const b = new flatbuffers.Builder(model.length + metadataBytes.length + 4096);

  // The original file, 16-byte aligned as TFLite buffers expect.
  b.startVector(1, model.length, 16);
  for (let i = model.length - 1; i >= 0; i--) b.addInt8(model[i]);
  const originalStart = b.endVector() - 4;
  const toBuilder = (absolute) => originalStart - absolute;

  const oldBuffersPos = fieldPosition(old, root, MODEL_FIELDS.buffers);
  const oldBuffers = oldBuffersPos ? vectorElementTables(old, referencedPosition(old, oldBuffersPos)) : [];
  const oldMetadataPos = fieldPosition(old, root, MODEL_FIELDS.metadata);
  const oldMetadata = oldMetadataPos ? vectorElementTables(old, referencedPosition(old, oldMetadataPos)) : [];

  b.startVector(1, metadataBytes.length, 16);
  for (let i = metadataBytes.length - 1; i >= 0; i--) b.addInt8(metadataBytes[i]);
  const metadataData = b.endVector();
  b.startObject(3); // Buffer
  b.addFieldOffset(0, metadataData, 0);
  const metadataBuffer = b.endObject();

  const entryName = b.createString('TFLITE_METADATA');
  b.startObject(2); // Metadata
  b.addFieldOffset(0, entryName, 0);
  b.addFieldInt32(1, oldBuffers.length, -1);
  const metadataEntry = b.endObject();

  const offsetVector = (offsets) => {
    b.startVector(4, offsets.length, 4);
    for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]);
    return b.endVector();
  };
  const buffers = offsetVector([...oldBuffers.map(toBuilder), metadataBuffer]);
  const metadata = offsetVector([...oldMetadata.map(toBuilder), metadataEntry]);

  b.startObject(8); // Model
  const versionPos = fieldPosition(old, root, MODEL_FIELDS.version);
  b.addFieldInt32(MODEL_FIELDS.version, versionPos ? old.readUint32(versionPos) : 0, -1);
  for (const id of [MODEL_FIELDS.operatorCodes, MODEL_FIELDS.subgraphs, MODEL_FIELDS.description,
    MODEL_FIELDS.metadataBuffer, MODEL_FIELDS.signatureDefs]) {
    const pos = fieldPosition(old, root, id);
    if (pos) b.addFieldOffset(id, toBuilder(referencedPosition(old, pos)), 0);
  }
  b.addFieldOffset(MODEL_FIELDS.buffers, buffers, 0);
  b.addFieldOffset(MODEL_FIELDS.metadata, metadata, 0);
  b.finish(b.endObject(), 'TFL3');
  return b.asUint8Array().slice();
}
