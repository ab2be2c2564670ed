import type { Pose } from "../../shared/pose/model";
import type { Avatar, PoseGeneration, PoseTemplate } from "../db/schema";
import type { PoseJob } from "./pose-job";

/** Everything a pose's stages share while it runs. Stages read it and add their image. */
export interface PoseContext {
  env: Env;
  job: PoseJob;
  generation: PoseGeneration;
  avatar: Avatar;
  /** Shared by the poses of a batch (avatar-bytes.ts): read, never written. */
  avatarBytes: Uint8Array;
  template: PoseTemplate;
  size: { width: number; height: number };
  prompt: string;
  negativePrompt: string;
  /** The last stage's stored image; the pose's result once every stage ran. */
  current: { stage: string; key: string } | null;
  provider: string | null;
  model: string | null;
  attempts: number;
  costUsd: number;
  lastErrorClass: string | null;
  /** False once the generation is cancelled: stages stop before calling a provider. */
  proceed: () => Promise<boolean>;
  /**
   * Asked right before each provider call: counts it on the pose, or throws ProviderCallLimit
   * when the pose has made its POSE_MAX_PROVIDER_CALLS calls across all its rounds.
   */
  beforeProviderCall: () => Promise<void>;
  /** What the AI vendors started from (instant-start.ts); unset on the instant engine's poses. */
  startImage?: "instant" | "template";
  /** The skeleton the pose's engine or provider was given, at the output size (scored against). */
  requestedPose?: Pose;
  /** The pose a provider's own detector found in the result, when it has one. */
  detection?: Pose;
  /** Provider calls made so far in this pose's round, every delivery counted. */
  roundCalls: number;
}

/** What a pose's context holds before its first stage: no image yet, no provider, nothing spent. */
export const freshPoseState = (): Pick<
  PoseContext,
  "current" | "provider" | "model" | "attempts" | "costUsd" | "lastErrorClass"
> => ({ current: null, provider: null, model: null, attempts: 0, costUsd: 0, lastErrorClass: null });
