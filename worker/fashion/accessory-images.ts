// The accessory drawings as RGBA, read once per isolate from the app's static assets (rendered
// from the SVG drawings by the build; see scripts/fashion/render-accessories.ts).
import { PhotonImage } from "@cf-wasm/photon";
import type { AccessoryAsset } from "../../shared/fashion/anchors";
import type { Rgba } from "../../shared/raster/rgba";

const cache = new Map<AccessoryAsset, Promise<Rgba>>();

async function load(env: Env, name: AccessoryAsset): Promise<Rgba> {
  // The host is ignored: the ASSETS binding serves by path.
  const res = await env.ASSETS.fetch(new Request(`https://assets.invalid/fashion/accessories/${name}.png`));
  if (!res.ok) throw new Error(`accessory image ${name}.png is missing from the build (HTTP ${res.status})`);
  const image = PhotonImage.new_from_byteslice(new Uint8Array(await res.arrayBuffer()));
  try {
    return { width: image.get_width(), height: image.get_height(), data: image.get_raw_pixels() };
  } finally {
    image.free();
  }
}

export function accessoryImage(env: Env, name: AccessoryAsset): Promise<Rgba> {
  let image = cache.get(name);
  if (!image) {
    image = load(env, name);
    cache.set(name, image);
    // A failed load is not cached: the next pose tries again.
    image.catch(() => cache.delete(name));
  }
  return image;
}
