import { localServer } from "../../e2e/setup/local-server";

export const { setup, teardown } = localServer({
  port: Number(process.env.RELIABILITY_PORT ?? 8792),
  vars: {
    // At a 30 % fault rate, 5 tries leave 0.24 % of poses failed (1 in 9 runs of 50 would miss
    // 99 %); 8 tries make the suite's figure a property of the system, not a coin toss.
    PROVIDER_MAX_ATTEMPTS: "8",
  },
});
