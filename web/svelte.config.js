import adapter from "@sveltejs/adapter-static";
import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

/** A single-page app: the Worker serves build/ as static assets with an SPA fallback. */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ pages: "build", assets: "build", fallback: "index.html", strict: false }),
    alias: { $shared: "../shared" },
  },
};
