// What a pipeline stage is: one declaration, read by the Worker (which runs it), the API schemas
// (its settings field) and the studio (its label, its panel, whether it ran). A stage's `run` is
// written against StageTools, a small port the Worker implements once (worker/pipeline/stage-tools.ts),
// so a stage file imports nothing from worker/ and the browser can import it.
import type { z } from "zod";
import type { Placement } from "../fashion/anchors";
import type { Pose } from "../pose/model";
import type { Mask } from "../raster/mask";
import type { Rgba } from "../raster/rgba";
import type { ThemeView } from "../api/background";
import type { AnyScene } from "../background/backdrops";

/** Every stage's settings of one generation, by stage name (a stage without settings: absent). */
export type AllSettings = Readonly<Record<string, unknown>>;

/** What a stage may ask of the Worker while it runs one pose. */
export interface StageTools {
  /** The output image's size. */
  size: { width: number; height: number };
  /** The image the previous stage left; PoseInputMissing when it is gone. */
  currentImage(): Promise<Uint8Array>;
  /** Stores this stage's image (`{image}.jpg`, or `.png` when transparent) as the pose's current one. */
  store(bytes: Uint8Array): Promise<void>;
  /** The template's pose on the output image. */
  pose(): Pose;
  /** The pose image from the avatar and the skeleton, through the configured pose providers. */
  generatePose(): Promise<Uint8Array>;
  /** True when an inpainting provider is configured. */
  canInpaint(): boolean;
  /** One inpainting pass (`pass` names it in traces): the image with the masked region repainted. */
  inpaint(image: Uint8Array, mask: Mask, prompt: string, pass: string): Promise<Uint8Array>;
  /** The person's mask on `image`: a segmentation provider's, or one that needs no provider. */
  personMask(image: Uint8Array, pose: Pose): Promise<Mask>;
  /** The image with each placed drawing (accessory, prop) drawn on; PNG stays PNG. */
  drawPlacements(image: Uint8Array, placements: Placement[]): Promise<Uint8Array>;
  decode(bytes: Uint8Array): Rgba;
  /** Decodes a picture and crops it to fill the output size; throws when it does not decode. */
  cover(bytes: Uint8Array): Rgba;
  encodeJpeg(image: Rgba): Uint8Array;
  encodePng(image: Rgba): Uint8Array;
  /** A scene's backdrop at the output size (painted once and kept, or drawn). */
  scene(scene: AnyScene): Promise<Rgba>;
  /** One of the user's uploaded background pictures; null when it was deleted. */
  backgroundPicture(id: string): Promise<Uint8Array | null>;
  /** A built-in theme or one of the user's; null when it was deleted. */
  theme(id: string): Promise<ThemeView | null>;
}

type Settings<Z> = Z extends z.ZodType ? z.output<Z> : null;

/**
 * One step of a pose's pipeline. `field` is its settings' name in the API (request and response);
 * a stage without settings has `field` and `settings` null.
 */
export interface Stage<Z extends z.ZodType | null = z.ZodType | null, F extends string | null = string | null> {
  name: string;
  /** The image it stores (`{image}.jpg` or `.png`); a pose run again resumes after the last one stored. */
  image: string;
  /** Its name in the studio: an i18n key. */
  label: `stage.${string}`;
  field: F;
  settings: Z;
  /** Whether the stage runs for a generation with these settings (its own, and everyone's). */
  applies(settings: Settings<Z> | null, all: AllSettings): boolean;
  run(settings: Settings<Z>, tools: StageTools, all: AllSettings): Promise<void>;
}

/** A stage declaration, its settings' type inferred from its schema. */
export const defineStage = <const F extends string | null, Z extends z.ZodType | null>(stage: Stage<Z, F>) => stage;
