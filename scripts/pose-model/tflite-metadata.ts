// Adds TFLite model metadata (the `TFLITE_METADATA` entry MediaPipe Tasks reads for input
// normalisation) to a .tflite file, without touching the original bytes: a new root Model table,
// its buffers and metadata vectors and the metadata buffer are written in front of the original
// flatbuffer, shifted by a multiple of 16 so its offsets and 16-byte buffer alignment still hold.
import * as flatbuffers from "flatbuffers";

const MODEL_FIELDS = 8; // version, operator_codes, subgraphs, description, buffers, metadata_buffer, metadata, signature_defs
const F_VERSION = 0;
const F_BUFFERS = 4;
const F_METADATA = 6;
const METADATA_NAME = "TFLITE_METADATA";

interface TableView {
  pos: number;
  fieldPos(i: number): number | null;
}

function readTable(view: DataView, pos: number): TableView {
  const vtable = pos - view.getInt32(pos, true);
  const vtLen = view.getUint16(vtable, true);
  return {
    pos,
    fieldPos(i) {
      if (4 + 2 * i >= vtLen) return null;
      const off = view.getUint16(vtable + 4 + 2 * i, true);
      return off === 0 ? null : pos + off;
    },
  };
}

const deref = (view: DataView, at: number) => at + view.getUint32(at, true);

/** Offsets (absolute) of the tables in a vector of tables, or [] when the field is absent. */
function tableVector(view: DataView, fieldPos: number | null): number[] {
  if (fieldPos === null) return [];
  const vec = deref(view, fieldPos);
  const n = view.getUint32(vec, true);
  return Array.from({ length: n }, (_, j) => deref(view, vec + 4 + 4 * j));
}

/** The model's metadata entries by name, for checks. */
export function readMetadataNames(model: Uint8Array): {
  names: string[];
  buffers: number;
  bufferData(i: number): Uint8Array;
} {
  const view = new DataView(model.buffer, model.byteOffset, model.byteLength);
  const root = readTable(view, view.getUint32(0, true));
  const buffers = tableVector(view, root.fieldPos(F_BUFFERS));
  const names = tableVector(view, root.fieldPos(F_METADATA)).map((m) => {
    const t = readTable(view, m);
    const s = deref(view, t.fieldPos(0)!);
    return new TextDecoder().decode(model.subarray(s + 4, s + 4 + view.getUint32(s, true)));
  });
  return {
    names,
    buffers: buffers.length,
    bufferData(i) {
      const b = readTable(view, buffers[i]!);
      const f = b.fieldPos(0);
      if (f === null) return new Uint8Array(0);
      const v = deref(view, f);
      return model.subarray(v + 4, v + 4 + view.getUint32(v, true));
    },
  };
}

/** A new .tflite with `metadata` appended as a buffer and referenced as TFLITE_METADATA. */
export function addTfliteMetadata(original: Uint8Array, metadata: Uint8Array): Uint8Array {
  const ov = new DataView(original.buffer, original.byteOffset, original.byteLength);
  if (new TextDecoder().decode(original.subarray(4, 8)) !== "TFL3") throw new Error("not a TFLite model");
  const root = readTable(ov, ov.getUint32(0, true));
  const fieldTargets = Array.from({ length: MODEL_FIELDS }, (_, i) => {
    const p = root.fieldPos(i);
    return p === null ? null : i === F_VERSION ? ov.getUint32(p, true) : deref(ov, p);
  });
  const oldBuffers = tableVector(ov, root.fieldPos(F_BUFFERS));
  const oldMetadata = tableVector(ov, root.fieldPos(F_METADATA));
  if (oldMetadata.length && readMetadataNames(original).names.includes(METADATA_NAME)) return original;

  // Lay out the prefix; every reference points forward, as flatbuffers requires.
  const align = (n: number, a: number) => Math.ceil(n / a) * a;
  const modelVtable = 8;
  const modelTable = align(modelVtable + 4 + 2 * MODEL_FIELDS, 4);
  const buffersVec = modelTable + 4 + 4 * MODEL_FIELDS;
  const metadataVec = buffersVec + 4 + 4 * (oldBuffers.length + 1);
  const metaVtable = metadataVec + 4 + 4 * (oldMetadata.length + 1);
  const metaTable = metaVtable + 8;
  const name = metaTable + 12;
  const bufVtable = align(name + 4 + METADATA_NAME.length + 1, 4);
  const bufTable = bufVtable + 8;
  const data = align(bufTable + 8 + 4, 16) - 4; // the bytes after the length are 16-aligned
  const L = {
    rootOffset: 0,
    ident: 4,
    modelVtable,
    modelTable,
    buffersVec,
    metadataVec,
    metaVtable,
    metaTable,
    name,
    bufVtable,
    bufTable,
    data,
  };
  const shift = align(L.data + 4 + metadata.length, 16);

  const out = new Uint8Array(shift + original.length);
  const v = new DataView(out.buffer);
  const u32 = (at: number, val: number) => v.setUint32(at, val, true);
  const ref = (at: number, target: number) => u32(at, target - at);

  ref(L.rootOffset, L.modelTable);
  out.set(new TextEncoder().encode("TFL3"), L.ident);
  // Model: vtable then table; fields at 4 + 4·i.
  v.setUint16(L.modelVtable, 4 + 2 * MODEL_FIELDS, true);
  v.setUint16(L.modelVtable + 2, 4 + 4 * MODEL_FIELDS, true);
  v.setInt32(L.modelTable, L.modelTable - L.modelVtable, true);
  for (let i = 0; i < MODEL_FIELDS; i++) {
    const at = L.modelTable + 4 + 4 * i;
    let present = true;
    if (i === F_VERSION) u32(at, fieldTargets[i] ?? 3);
    else if (i === F_BUFFERS) ref(at, L.buffersVec);
    else if (i === F_METADATA) ref(at, L.metadataVec);
    else if (fieldTargets[i] !== null) ref(at, shift + fieldTargets[i]!);
    else present = false;
    v.setUint16(L.modelVtable + 4 + 2 * i, present ? 4 + 4 * i : 0, true);
  }
  // buffers: the original ones, then ours.
  u32(L.buffersVec, oldBuffers.length + 1);
  oldBuffers.forEach((b, j) => ref(L.buffersVec + 4 + 4 * j, shift + b));
  ref(L.buffersVec + 4 + 4 * oldBuffers.length, L.bufTable);
  // metadata: the original entries, then { name: TFLITE_METADATA, buffer: <ours> }.
  u32(L.metadataVec, oldMetadata.length + 1);
  oldMetadata.forEach((m, j) => ref(L.metadataVec + 4 + 4 * j, shift + m));
  ref(L.metadataVec + 4 + 4 * oldMetadata.length, L.metaTable);
  v.setUint16(L.metaVtable, 8, true);
  v.setUint16(L.metaVtable + 2, 12, true);
  v.setUint16(L.metaVtable + 4, 4, true);
  v.setUint16(L.metaVtable + 6, 8, true);
  v.setInt32(L.metaTable, L.metaTable - L.metaVtable, true);
  ref(L.metaTable + 4, L.name);
  u32(L.metaTable + 8, oldBuffers.length);
  u32(L.name, METADATA_NAME.length);
  out.set(new TextEncoder().encode(METADATA_NAME), L.name + 4);
  // Buffer { data } with the metadata bytes.
  v.setUint16(L.bufVtable, 6, true);
  v.setUint16(L.bufVtable + 2, 8, true);
  v.setUint16(L.bufVtable + 4, 4, true);
  v.setInt32(L.bufTable, L.bufTable - L.bufVtable, true);
  ref(L.bufTable + 4, L.data);
  u32(L.data, metadata.length);
  out.set(metadata, L.data + 4);
  out.set(original, shift);
  return out;
}

/**
 * A TFLite ModelMetadata flatbuffer (identifier M001): one subgraph whose input tensor is an RGB
 * image normalised as (x − mean) / std — what MediaPipe Tasks needs to feed a float model.
 */
export function imageModelMetadata(name: string, mean: number, std: number): Uint8Array {
  const b = new flatbuffers.Builder(256);
  const floats = (xs: number[]) => {
    b.startVector(4, xs.length, 4);
    for (let i = xs.length - 1; i >= 0; i--) b.addFloat32(xs[i]!);
    return b.endVector();
  };
  const offsets = (xs: number[]) => {
    b.startVector(4, xs.length, 4);
    for (let i = xs.length - 1; i >= 0; i--) b.addOffset(xs[i]!);
    return b.endVector();
  };
  const meanVec = floats([mean]);
  const stdVec = floats([std]);
  b.startObject(2); // NormalizationOptions
  b.addFieldOffset(0, meanVec, 0);
  b.addFieldOffset(1, stdVec, 0);
  const normalization = b.endObject();
  b.startObject(2); // ProcessUnit { options_type = NormalizationOptions (1), options }
  b.addFieldInt8(0, 1, 0);
  b.addFieldOffset(1, normalization, 0);
  const processUnit = b.endObject();
  const processUnits = offsets([processUnit]);
  b.startObject(2); // ImageProperties { color_space = RGB (1) }
  b.addFieldInt8(0, 1, 0);
  const imageProperties = b.endObject();
  b.startObject(3); // Content { content_properties_type = ImageProperties (2), content_properties }
  b.addFieldInt8(0, 2, 0);
  b.addFieldOffset(1, imageProperties, 0);
  const content = b.endObject();
  const tensorName = b.createString("image");
  b.startObject(7); // TensorMetadata
  b.addFieldOffset(0, tensorName, 0);
  b.addFieldOffset(3, content, 0);
  b.addFieldOffset(4, processUnits, 0);
  const tensor = b.endObject();
  const inputs = offsets([tensor]);
  b.startObject(9); // SubGraphMetadata
  b.addFieldOffset(2, inputs, 0);
  const subgraph = b.endObject();
  const subgraphs = offsets([subgraph]);
  const modelName = b.createString(name);
  const minParser = b.createString("1.0.0");
  b.startObject(8); // ModelMetadata
  b.addFieldOffset(0, modelName, 0);
  b.addFieldOffset(3, subgraphs, 0);
  b.addFieldOffset(7, minParser, 0);
  const root = b.endObject();
  b.finish(root, "M001");
  return b.asUint8Array().slice();
}
