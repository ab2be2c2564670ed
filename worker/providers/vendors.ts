// Every vendor, the AI ones in the default order of every *_PROVIDER_ORDER (built-in ones, like the
// instant engine, are in no AI chain). Adding a vendor is its folder under worker/providers/
// (descriptor in index.ts) and its line here (with its import).
import { a1111 } from "./a1111";
import { comfyui } from "./comfyui";
import { huggingface } from "./huggingface";
import { instant } from "./instant";
import { modelslab } from "./modelslab";
import { segmind } from "./segmind";
import type { Vendor } from "./vendor";
import { workersAi } from "./workers-ai";

// Vendor<any>: each vendor has its own settings type. One vendor a line, the default order.
// prettier-ignore
export const VENDORS: readonly Vendor<any>[] = [
  huggingface,
  a1111,
  comfyui,
  segmind,
  modelslab,
  workersAi,
  instant,
];
