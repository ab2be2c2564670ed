// A failed pose says why in the caller's language: GET /generations/:id with Accept-Language id
// gives the failure's Indonesian sentence, English callers keep the stored English message, and
// both get its code and values (the studio says live pushes in its own language from them).
import { describe, expect, it } from "vitest";
import { fakeProvider } from "./helpers/fake-provider";
import { startGeneration, uploadAvatar, userId, waitForFinal } from "./helpers/generations";
import { signUp } from "./helpers/users";
import type { GenerationState } from "../shared/api/generations";

const ID = { "accept-language": "id-ID,id;q=0.9,en;q=0.8" };

describe("a failed pose's reason, by language", () => {
  it("a vendor's refusal is said in Bahasa Indonesia for id, in the vendor's English otherwise", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await uploadAvatar(user);
    await fakeProvider.faults([{ kind: "bad_request", match: "pose: hand on hip", trace: uid }]);
    const ids = ["builtin-front-neutral", "builtin-hand-on-hip"];
    const started = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: ids });
    const final = await waitForFinal(user, started.id);
    expect(final.status).toBe("partial");
    const failedIn = (state: GenerationState) => state.poses.find((p) => p.poseTemplateId === "builtin-hand-on-hip")!;
    const en = failedIn(final);
    expect(en.error).toMatch(/not valid/);
    expect(en).toMatchObject({ errorCode: "provider_rejected", errorParams: { provider: "Hugging Face" } });

    const res = await user.fetch(`/api/v1/generations/${started.id}`, { headers: ID });
    expect(res.status).toBe(200);
    const inId = failedIn((await res.json()) as GenerationState);
    expect(inId.error).toBe("Hugging Face menolak permintaan ini.");
    expect(inId.errorCode).toBe("provider_rejected");
    // The pose that was made has no reason in either language.
    const made = (
      (await (await user.fetch(`/api/v1/generations/${started.id}`, { headers: ID })).json()) as GenerationState
    ).poses.find((p) => p.poseTemplateId === "builtin-front-neutral")!;
    expect(made).toMatchObject({ status: "succeeded", error: null, errorCode: null });

    // A retry clears the reason with the failure.
    await fakeProvider.clear(uid);
    expect((await user.fetch(`/api/v1/generations/${started.id}/retry`, { method: "POST" })).status).toBe(200);
    const done = await waitForFinal(user, started.id);
    expect(failedIn(done)).toMatchObject({ status: "succeeded", error: null, errorCode: null, errorParams: null });
  });
});
