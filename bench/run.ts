// `npm run bench`: prints every speed and size figure the project tracks.
import { benchApiLoad } from "./api-load";
import { benchBundleSize } from "./bundle-size";
import { benchGenerationThroughput } from "./generation-throughput";
import { benchMemoryUsage } from "./memory-usage";
import { benchSkeletonRender } from "./skeleton-render";
import { benchWebcamDetect } from "./webcam-detect";
import { benchWebFirstLoad } from "./web-first-load";

benchSkeletonRender();
benchBundleSize();
benchWebFirstLoad();
await benchMemoryUsage();
await benchWebcamDetect();
await benchGenerationThroughput();
await benchApiLoad();
