declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    FIXTURE_MESSI_JPG: ArrayBuffer;
    FIXTURE_ASTRONAUT_PNG: ArrayBuffer;
    FIXTURE_ASTRONAUT_CUTOUT_PNG: ArrayBuffer;
    FIXTURE_MESSI_CUTOUT_PNG: ArrayBuffer;
    FIXTURE_POSE_LANDMARK_TFLITE: ArrayBuffer;
    FAKE_PROVIDER_URL: string;
    POSE_MAX_PROVIDER_CALLS: string;
    MIGRATION_TEST_DB: D1Database;
  }
}
