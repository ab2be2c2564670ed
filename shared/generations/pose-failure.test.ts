import { describe, expect, it } from "vitest";
import { POSE_FAILURES_ID, poseFailureText, providerFailureCode } from "./pose-failure";

// Every code the pipeline writes (run-pose-job.ts, claims.ts, watchdog.ts, the PoseInputMissing
// and RigProblem codes) has its sentence; a new code without one fails here.
const PROVIDER_KINDS = ["loading", "rate_limited", "server", "timeout", "bad_response", "rejected", "not_configured"];
const WRITTEN = [
  ...PROVIDER_KINDS.map(providerFailureCode),
  ...["rig_torso_missing", "rig_mask_empty", "rig_mask_full", "rig_mask_pose_apart", "rig_too_small", "rig_unusable"],
  ...["generation_gone", "avatar_deleted", "template_deleted", "avatar_image_missing", "avatar_rig_missing"],
  ...["stage_image_missing", "theme_deleted", "background_unusable"],
  ...["call_limit", "internal", "dead_letter", "timed_out"],
];

describe("poseFailureText", () => {
  it("says every written code in Bahasa Indonesia with its values filled", () => {
    const params = { provider: "ComfyUI", cap: 12, tries: 3 };
    for (const code of WRITTEN) {
      const text = poseFailureText("English", { code, params }, "id");
      expect(text, code).not.toBe("English");
      expect(text, code).not.toMatch(/\{\w+\}/);
    }
    expect(Object.keys(POSE_FAILURES_ID).sort()).toEqual([...WRITTEN].sort());
    expect(poseFailureText("x", { code: "call_limit", params: { cap: 12 } }, "id")).toBe(
      "Dihentikan: pose ini mencapai batas 12 panggilan penyedia dari semua percobaannya.",
    );
  });

  it("keeps the English message for English, an unknown code, a missing value or no code", () => {
    expect(poseFailureText("The avatar was deleted.", { code: "avatar_deleted" }, "en")).toBe(
      "The avatar was deleted.",
    );
    expect(poseFailureText("Odd.", { code: "no_such_code" }, "id")).toBe("Odd.");
    expect(poseFailureText("Slow.", { code: "provider_timeout" }, "id")).toBe("Slow.");
    expect(poseFailureText("Old run.", null, "id")).toBe("Old run.");
    expect(poseFailureText(null, null, "id")).toBeNull();
  });
});
