// A generation's Durable Object.
export { GenerationDurableObject } from "./generation-durable-object";
