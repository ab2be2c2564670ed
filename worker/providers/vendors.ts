// Every AI vendor, one line each, in the default order of every *_PROVIDER_ORDER. Adding a vendor
// is its folder under worker/providers/ (descriptor in index.ts) and one line here.
import { a1111 } from "./a1111";
import { huggingface } from "./huggingface";
import { modelslab } from "./modelslab";
import { segmind } from "./segmind";
import type { Vendor } from "./vendor";
import { workersAi } from "./workers-ai";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each vendor has its own settings type
export const VENDORS: readonly Vendor<any>[] = [huggingface, a1111, segmind, modelslab, workersAi];
