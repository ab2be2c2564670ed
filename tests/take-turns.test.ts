import { describe, expect, it } from "vitest";
import { takeTurns } from "../worker/queue/consume-queue-batch";

const job = (userId: string, pose: string) => ({
  id: `${userId}-${pose}`,
  body: { type: "pose", generationId: `g-${userId}`, userId, poseTemplateId: pose, round: 0 },
});

describe("a batch's poses take turns by user", () => {
  it("interleaves users, keeps each user's own order, and loses nothing", () => {
    const batch = [job("a", "1"), job("a", "2"), job("a", "3"), job("b", "1"), job("c", "1"), job("b", "2")];
    expect(takeTurns(batch).map((m) => m.id)).toEqual(["a-1", "b-1", "c-1", "a-2", "b-2", "a-3"]);
  });

  it("keeps messages that are not pose jobs (they are dropped later, one by one)", () => {
    const junk = { id: "junk", body: { hello: "world" } };
    expect(takeTurns([job("a", "1"), junk, job("a", "2")]).map((m) => m.id)).toEqual(["a-1", "junk", "a-2"]);
  });
});
