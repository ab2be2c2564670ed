// `npm run fake-provider`: the FAKE provider for local demos (a test tool; see
// tests/fakes/fake-provider-server.ts). Point .dev.vars at it to try generation offline.
import { startFakeProvider } from "../tests/fakes/fake-provider-server";

const port = Number(process.env.FAKE_PROVIDER_PORT ?? 8788);
const fake = await startFakeProvider(port);
console.log(`FAKE provider (test tool) on ${fake.url}. For a local demo, put in .dev.vars:

HF_TOKEN=hf_fake_local_demo
HF_ENDPOINT_URL=${fake.url}/hf/sd
HF_ENDPOINT_URL_HD=${fake.url}/hf/hd
HF_TEXT_ENDPOINT_URL=${fake.url}/hf/text
HF_INPAINTING_ENDPOINT_URL=${fake.url}/hf/inpaint
HF_SEGMENTATION_ENDPOINT_URL=${fake.url}/hf/segment

The app will label it as a local test provider.`);
