// `npm run bench`: prints every speed and size figure the project tracks.
import { benchBundleSize } from "./bundle-size.mjs";

benchBundleSize();
