import { sveltekit } from "@sveltejs/kit/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [sveltekit()],
  // Module workers (the background-removal worker loads onnxruntime with dynamic imports).
  worker: { format: "es" },
  server: {
    // `vite dev` for UI work: the API stays on the Worker (npm start).
    proxy: { "/api": "http://127.0.0.1:8787" },
    fs: { allow: [".."] },
  },
});
