import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { mkdirSync } from "node:fs";
import { defineConfig } from "vitest/config";
import { renderAccessories } from "./scripts/fashion/render-accessories";
import { huggingFaceVars, startFakeProvider } from "./dev-tools/fake-provider/server";

// wrangler.toml serves the web build as static assets; the API tests need only the accessory
// images the fashion stage reads through the ASSETS binding.
mkdirSync("web/build", { recursive: true });
await renderAccessories(["web/build/fashion/accessories"]);

// Worker integration tests and shared/ unit tests run inside workerd (miniflare), with real
// D1, R2, Queues and Durable Objects from wrangler.toml.
export default defineConfig({
  plugins: [
    cloudflareTest(async () => {
      // The FAKE provider (dev-tools/fake-provider) on 127.0.0.1: the Worker under test reaches it over HTTP.
      const fake = await startFakeProvider(0, { unref: true });
      return {
        main: "./worker/index.ts",
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: await readD1Migrations("./migrations"),
            BETTER_AUTH_SECRET: "test-secret-0123456789abcdef0123456789abcdef",
            FAKE_PROVIDER_URL: fake.url,
            ...huggingFaceVars(fake.url, "hf_test_token"),
            PROVIDER_ORDER: "huggingface",
            PROVIDER_TIMEOUT_MS: "1500",
            PROVIDER_RETRY_BASE_MS: "5",
            PROVIDER_RETRY_MAX_MS: "50",
            PROVIDER_MAX_ATTEMPTS: "6",
            // Six attempts a round: the fourth round of an always-failing pose reaches the cap.
            POSE_MAX_PROVIDER_CALLS: "16",
            PROVIDER_CONCURRENCY: "50",
            PROVIDER_RATE_PER_MINUTE: "100000",
            // A local run is one client (127.0.0.1, whatever CF-Connecting-IP says), and every test
            // signs up its own users; tests of the limits set their own (tests/helpers/with-env.ts).
            AUTH_ATTEMPTS_PER_MINUTE: "100000",
          },
          // A second, empty D1 for the migration test (it migrates step by step with seeded rows).
          d1Databases: { DB: "00000000-0000-0000-0000-000000000000", MIGRATION_TEST_DB: "migration-test" },
          // Real photos for upload tests (workerd has no file system).
          dataBlobBindings: {
            FIXTURE_MESSI_JPG: "./tests/fixtures/messi5.jpg",
            FIXTURE_ASTRONAUT_PNG: "./tests/fixtures/astronaut.png",
            FIXTURE_ASTRONAUT_CUTOUT_PNG: "./tests/fixtures/astronaut.cutout.png",
            FIXTURE_MESSI_CUTOUT_PNG: "./tests/fixtures/messi5.cutout.png",
            // A model npm ships, for the TFLite metadata writer.
            FIXTURE_POSE_LANDMARK_TFLITE: "./node_modules/@mediapipe/pose/pose_landmark_lite.tflite",
          },
        },
      };
    }),
  ],
  test: {
    include: ["tests/**/*.test.ts", "shared/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["tests/e2e/**", "tests/reliability/**"],
    setupFiles: ["./tests/setup/apply-migrations.ts"],
    testTimeout: 20_000,
  },
});
