// `npm run fake-provider`: the FAKE provider for local demos (a test tool; see
// dev-tools/fake-provider/server.ts). Point .dev.vars at it to try generation offline.
import { huggingFaceVars, startFakeProvider } from "../dev-tools/fake-provider/server";

const port = Number(process.env.FAKE_PROVIDER_PORT ?? 8788);
const fake = await startFakeProvider(port);
console.log(`FAKE provider (test tool) on ${fake.url}. For a local demo, put in .dev.vars:

${Object.entries(huggingFaceVars(fake.url, "hf_fake_local_demo"))
  .map(([name, value]) => `${name}=${value}`)
  .join("\n")}

or, to try the ComfyUI adapter: COMFYUI_URL=${fake.url}/comfyui/demo (with PROVIDER_ORDER=comfyui).
The app will label it as a local test provider.`);
