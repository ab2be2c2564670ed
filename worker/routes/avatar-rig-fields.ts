// Multipart fields of the avatar's rig, shared by the upload (POST /avatars) and PUT …/rig.
import { z } from "@hono/zod-openapi";

/** OpenPose JSON of the person in the photo: a text value or a .json file. */
export const RigPoseField = z.union([z.string(), z.instanceof(File)]).openapi({
  type: "string",
  description:
    "OpenPose JSON of the person in the photo (any flavour the template import reads: sd-webui-controlnet, the openpose editors, ComfyUI, CMU OpenPose); canvas from the file, else the photo's size. With `cutout` it makes the avatar's rig.",
});

/** The person cut out of the photo: a transparent PNG of the photo's size. */
export const CutoutField = z.instanceof(File).openapi({
  type: "string",
  format: "binary",
  description: "The person cut out (PNG with transparency) at the photo's size",
});
