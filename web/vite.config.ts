import { sveltekit } from "@sveltejs/kit/vite";
import { defineConfig } from "vite";
import { securityHeaders } from "./vite-plugin-csp";

export default defineConfig({
  // securityHeaders after sveltekit(): it edits the build the adapter has written.
  plugins: [sveltekit(), securityHeaders()],
  // Module workers (the background-removal worker loads onnxruntime with dynamic imports).
  worker: { format: "es" },
  server: {
    // `vite dev` for UI work: the API stays on the Worker (npm start).
    proxy: { "/api": "http://127.0.0.1:8787" },
    fs: { allow: [".."] },
  },
});
