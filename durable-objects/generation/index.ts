// A generation's Durable Object: the class and the types its callers see.
export { GenerationDurableObject } from "./generation-durable-object";
export type { Claim, PoseOutcome, ProviderCallTicket } from "./claims";
export type { RunStart } from "./lifecycle";
export type { StageStart } from "./stage-progress";
