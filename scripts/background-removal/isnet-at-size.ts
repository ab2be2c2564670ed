// @imgly's ISNet models take a fixed 1024² input, but the network is fully convolutional: the
// only sizes in the graph are the input/output dims and the constant `sizes` of its Resize
// (upsample) nodes. Rewriting those gives the same weights at another input size (512² is about
// a quarter of the compute). The ONNX protobuf classes come from onnxruntime-web's own copy.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
// The package's exports hide lib/: its files are reached by path (onnxruntime-web 1.17.3, @imgly's).
import type { onnx as OnnxTypes } from "../../node_modules/onnxruntime-web/lib/onnxjs/ort-schema/protobuf/onnx";

const require = createRequire(import.meta.url);
const ortDir = dirname(dirname(require.resolve("onnxruntime-web")));
const { onnx } = require(join(ortDir, "lib/onnxjs/ort-schema/protobuf/onnx.js")) as { onnx: typeof OnnxTypes };

/** The size @imgly 1.4.5 feeds its models (dist/index.mjs `runInference`: `const resolution = 1024`). */
export const ISNET_SIZE = 1024;
/** Ops whose output size is computed from a tensor's shape at run time, which the rewrite would not see. */
const SHAPE_OPS = new Set(["Shape", "ConstantOfShape", "Expand", "Tile", "Upsample", "Slice", "Constant"]);

/** The ISNet model `model` (ONNX bytes, 1024² input) rewritten for a `size`² input. */
export function isnetAtSize(model: Uint8Array, size: number): Uint8Array {
  // Every level of the U-net halves the size 6 times: it must stay a whole number.
  if (size % 64 !== 0 || size <= 0 || size > ISNET_SIZE)
    throw new Error(`size ${size} is not a multiple of 64 up to 1024`);
  const scale = size / ISNET_SIZE;
  const parsed = onnx.ModelProto.decode(model);
  const graph = parsed.graph!;
  const shapeOp = graph.node!.find((n) => SHAPE_OPS.has(n.opType!));
  if (shapeOp) throw new Error(`the graph sizes something at run time (${shapeOp.opType} ${shapeOp.name})`);
  const [input] = graph.input!;
  const inputDims = input?.type?.tensorType?.shape?.dim?.map((d) => Number(d.dimValue));
  if (graph.input!.length !== 1 || String(inputDims) !== `1,3,${ISNET_SIZE},${ISNET_SIZE}`)
    throw new Error(`unexpected input ${input?.name} [${inputDims}]`);

  const scaleSpatial = (value: number, what: string) => {
    if (!Number.isInteger(value * scale)) throw new Error(`${what}: ${value} does not scale to a whole size`);
    return value * scale;
  };
  // Declared shapes (input, outputs, intermediate value infos): N, C, H, W → H and W scaled.
  for (const info of [...graph.input!, ...graph.output!, ...(graph.valueInfo ?? [])]) {
    const dims = info.type?.tensorType?.shape?.dim;
    if (dims?.length !== 4) continue;
    for (const d of dims.slice(2)) if (d.dimValue) d.dimValue = scaleSpatial(Number(d.dimValue), info.name!);
  }
  // Resize's 4th input is its target `sizes` (int64 N, C, H, W), a constant initializer here.
  const initializers = new Map(graph.initializer!.map((t) => [t.name!, t]));
  const rewritten = new Set<string>();
  for (const node of graph.node!.filter((n) => n.opType === "Resize")) {
    const sizes = initializers.get(node.input![3] ?? "");
    if (!sizes || sizes.dataType !== onnx.TensorProto.DataType.INT64 || !sizes.rawData?.length)
      throw new Error(`Resize ${node.name} has no constant sizes`);
    if (rewritten.has(sizes.name!)) continue;
    const raw = sizes.rawData;
    const values = new BigInt64Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    for (const i of [2, 3]) values[i] = BigInt(scaleSpatial(Number(values[i]), node.name!));
    sizes.rawData = new Uint8Array(values.buffer);
    rewritten.add(sizes.name!);
  }
  if (rewritten.size === 0) throw new Error("no Resize node found: not an ISNet graph");
  return onnx.ModelProto.encode(parsed).finish();
}

/** One entry of @imgly's resources.json: the file in chunks named by their SHA-256. */
export interface ChunkedResource {
  chunks: { hash: string; offsets: [number, number] }[];
  size: number;
  mime: string;
}

/** Splits `bytes` as @imgly-background-removal-data does (4 MiB chunks, each named by its hash). */
export function chunked(bytes: Uint8Array, mime: string, chunkSize = 4 * 1024 * 1024) {
  const files = new Map<string, Uint8Array>();
  const chunks: ChunkedResource["chunks"] = [];
  for (let start = 0; start < bytes.length; start += chunkSize) {
    const end = Math.min(bytes.length, start + chunkSize);
    const data = bytes.subarray(start, end);
    const hash = createHash("sha256").update(data).digest("hex");
    files.set(hash, data);
    chunks.push({ hash, offsets: [start, end] });
  }
  return { resource: { chunks, size: bytes.length, mime } satisfies ChunkedResource, files };
}
