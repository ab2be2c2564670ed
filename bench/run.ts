// `npm run bench`: prints every speed and size figure the project tracks, nothing else (server
// logs go to files). A figure whose tool is missing is skipped; every server started is stopped.
import { apiLoadFigure } from "./api-load";
import { bundleSizeFigure } from "./bundle-size";
import { cutoutFigure } from "./cutout";
import { generationThroughputFigure } from "./generation-throughput";
import { runFigures } from "./harness/figure";
import { instantEngineFigure } from "./instant-engine";
import { instantFidelityFigure } from "./instant-fidelity";
import { instantPreviewFigure } from "./instant-preview";
import { memoryUsageFigure } from "./memory-usage";
import { posePreviewFigure } from "./pose-preview";
import { skeletonRenderFigure } from "./skeleton-render";
import { webcamDetectFigure } from "./webcam-detect";
import { webFirstLoadFigure } from "./web-first-load";

process.exit(
  await runFigures([
    skeletonRenderFigure,
    instantEngineFigure,
    instantFidelityFigure,
    instantPreviewFigure,
    posePreviewFigure,
    bundleSizeFigure,
    webFirstLoadFigure,
    memoryUsageFigure,
    webcamDetectFigure,
    cutoutFigure,
    generationThroughputFigure,
    apiLoadFigure,
  ]),
);
