export * from "./auth";
export * from "./avatars";
export * from "./pose-templates";
export * from "./pose-generations";
export * from "./generated-poses";
export * from "./design-metrics";
export * from "./pose-metrics";
