// Per AI vendor, for GET /api/v1/providers and the studio: what it can do with these settings and
// what is wrong with them — a vendor setting set without the one that turns it on, and (on
// request) the vendor's own live check of its server.
import type { VendorReport } from "../../shared/api/providers";
import { config, vendorSettings } from "../config";
import type { ApiLocale } from "../i18n/locale";
import type { SetupProblem } from "./setup-problem";
import { providerFor } from "./registry";
import type { CapabilityName, Vendor } from "./vendor";
import { VENDORS } from "./vendors";

/** Its own settings set in env (its settings schema's keys), besides its key setting. */
function strayed(env: Env, vendor: Vendor<any>): string[] {
  const shape = (vendor.settings as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const values = env as unknown as Record<string, unknown>;
  return Object.keys(shape).filter((k) => k !== vendor.keySetting && typeof values[k] === "string" && values[k] !== "");
}

/** A vendor setting set without the one that turns it on. */
function strayProblem(stray: string[], vendor: Vendor<any>, key: string): SetupProblem {
  const settings = stray.join(", ");
  return {
    en: `${settings} ${stray.length > 1 ? "are" : "is"} set but ${key} is not: set ${key} to use ${vendor.label}.`,
    id: `${settings} sudah diisi tetapi ${key} belum: isi ${key} untuk memakai ${vendor.label}.`,
  };
}

/** One vendor's report, its problems in `locale`, or null when nothing of it is set. */
async function report(env: Env, vendor: Vendor<any>, live: boolean, locale: ApiLocale): Promise<VendorReport | null> {
  const has = (capability: CapabilityName) => providerFor(vendor, capability, env);
  const pose = providerFor(vendor, "pose", env);
  const providers = [pose, has("inpainting"), has("segmentation"), has("textToImage")].filter((p) => p !== null);
  const configured = providers.length > 0;
  const stray = strayed(env, vendor);
  const problems: SetupProblem[] = [];
  if (!configured && stray.length > 0 && vendor.keySetting)
    problems.push(strayProblem(stray, vendor, vendor.keySetting));
  if (!configured && problems.length === 0) return null;
  if (configured && live && vendor.probe) {
    const common = { timeoutMs: Math.min(config(env).providers.timeoutMs, 10_000) };
    problems.push(...(await vendor.probe(vendorSettings(env, vendor), common)));
  }
  return {
    name: vendor.name,
    label: vendor.label,
    configured,
    local: providers.length > 0 && providers.every((p) => p.local),
    can: {
      poseSd: pose !== null,
      poseHd: pose !== null,
      inpainting: has("inpainting") !== null,
      segmentation: has("segmentation") !== null,
      textToImage: has("textToImage") !== null,
      startingImage: pose?.acceptsInitImage ?? false,
    },
    // Problems that differ only in English details (the SD and HD checks) are said once.
    problems: [...new Set(problems.map((p) => p[locale]))],
  };
}

/** Every AI vendor that is set up or half set up, in the vendor list's order, problems in `locale`. */
export async function vendorReports(
  env: Env,
  { live = false, locale = "en" }: { live?: boolean; locale?: ApiLocale } = {},
): Promise<VendorReport[]> {
  const reports = await Promise.all(VENDORS.filter((v) => !v.builtIn).map((v) => report(env, v, live, locale)));
  return reports.filter((r) => r !== null);
}
