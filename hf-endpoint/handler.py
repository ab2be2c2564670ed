# A custom handler for a Hugging Face dedicated Inference Endpoint, for the Avatar & Pose
# Generator's HF_ENDPOINT_URL / _HD, HF_INPAINTING_ENDPOINT_URL, HF_SEGMENTATION_ENDPOINT_URL and
# HF_TEXT_ENDPOINT_URL. The huggingface-inference-toolkit loads `handler.py` from the model
# repository and calls `EndpointHandler(path)(data)` with the request's JSON body as `data`
# (huggingface-inference-toolkit src/huggingface_inference_toolkit/utils.py:152-191,
# webservice_starlette.py:85-132). The contract each task speaks is in README.md beside this file.
# One endpoint serves one task, chosen by the HANDLER_TASK environment variable.
import base64
import io
import os

import torch
from PIL import Image

TASK = os.environ.get("HANDLER_TASK", "pose")  # pose | inpainting | segmentation | text
QUALITY = os.environ.get("HANDLER_QUALITY", "sd")  # pose: sd (SD 1.5) or hd (SDXL)
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"
DTYPE = torch.float16 if DEVICE == "cuda" else torch.float32

# Public weights, each overridable: the pose pipeline's base and openpose ControlNet, the face
# IP-Adapter that carries the avatar's identity, and each other task's model.
MODELS = {
    "sd": {
        "base": os.environ.get("POSE_BASE", "stable-diffusion-v1-5/stable-diffusion-v1-5"),
        "controlnet": os.environ.get("POSE_CONTROLNET", "lllyasviel/control_v11p_sd15_openpose"),
        "ip_adapter": ("h94/IP-Adapter", "models", "ip-adapter-plus-face_sd15.safetensors"),
    },
    "hd": {
        "base": os.environ.get("POSE_BASE", "stabilityai/stable-diffusion-xl-base-1.0"),
        "controlnet": os.environ.get("POSE_CONTROLNET", "thibaud/controlnet-openpose-sdxl-1.0"),
        "ip_adapter": ("h94/IP-Adapter", "sdxl_models", "ip-adapter-plus-face_sdxl_vit-h.safetensors"),
    },
}
INPAINTING_MODEL = os.environ.get("INPAINTING_MODEL", "diffusers/stable-diffusion-xl-1.0-inpainting-0.1")
SEGMENTATION_MODEL = os.environ.get("SEGMENTATION_MODEL", "briaai/RMBG-1.4")
TEXT_MODEL = os.environ.get("TEXT_MODEL", "stabilityai/stable-diffusion-xl-base-1.0")


def decode_image(b64: str) -> Image.Image:
    """A base64 image (optionally a data: URL) as RGB."""
    if b64.startswith("data:"):
        b64 = b64.split(",", 1)[1]
    return Image.open(io.BytesIO(base64.b64decode(b64))).convert("RGB")


def encode_png(image: Image.Image) -> str:
    """An image as base64 PNG."""
    out = io.BytesIO()
    image.save(out, format="PNG")
    return base64.b64encode(out.getvalue()).decode("ascii")


def generator(params: dict):
    """A seeded generator when the request names a seed."""
    seed = params.get("seed")
    return None if seed is None else torch.Generator(device=DEVICE).manual_seed(int(seed))


def size(params: dict, fallback=(512, 768)):
    """The output size: `target_size` (image-to-image) or `width`/`height` (text-to-image)."""
    target = params.get("target_size") or {}
    return int(target.get("width") or params.get("width") or fallback[0]), int(
        target.get("height") or params.get("height") or fallback[1]
    )


class EndpointHandler:
    def __init__(self, path: str = ""):
        from diffusers import AutoPipelineForInpainting, AutoPipelineForText2Image

        if TASK == "pose":
            from diffusers import ControlNetModel, StableDiffusionControlNetPipeline, StableDiffusionXLControlNetPipeline

            m = MODELS[QUALITY]
            controlnet = ControlNetModel.from_pretrained(m["controlnet"], torch_dtype=DTYPE)
            cls = StableDiffusionXLControlNetPipeline if QUALITY == "hd" else StableDiffusionControlNetPipeline
            self.pipe = cls.from_pretrained(m["base"], controlnet=controlnet, torch_dtype=DTYPE)
            repo, subfolder, weight = m["ip_adapter"]
            if QUALITY == "hd":
                # The ViT-H SDXL adapters need the SD 1.5 image encoder (h94/IP-Adapter models/image_encoder).
                from transformers import CLIPVisionModelWithProjection

                self.pipe.image_encoder = CLIPVisionModelWithProjection.from_pretrained(
                    repo, subfolder="models/image_encoder", torch_dtype=DTYPE
                )
            self.pipe.load_ip_adapter(repo, subfolder=subfolder, weight_name=weight)
        elif TASK == "inpainting":
            self.pipe = AutoPipelineForInpainting.from_pretrained(INPAINTING_MODEL, torch_dtype=DTYPE)
        elif TASK == "segmentation":
            from transformers import pipeline

            self.pipe = pipeline("image-segmentation", model=SEGMENTATION_MODEL, trust_remote_code=True, device=DEVICE)
        elif TASK == "text":
            self.pipe = AutoPipelineForText2Image.from_pretrained(TEXT_MODEL, torch_dtype=DTYPE)
        else:
            raise ValueError(f"HANDLER_TASK must be pose, inpainting, segmentation or text, not {TASK!r}")
        if TASK != "segmentation":
            self.pipe.to(DEVICE)

    def __call__(self, data: dict):
        params = data.get("parameters") or {}
        inputs = data["inputs"]
        if TASK == "segmentation":
            # RMBG answers the person cut out; its alpha is the mask (white = person).
            cut = self.pipe(decode_image(inputs))
            cut = cut if isinstance(cut, Image.Image) else cut[0]["mask"]
            mask = cut.getchannel("A") if cut.mode == "RGBA" else cut.convert("L")
            return [{"label": "person", "score": 1.0, "mask": encode_png(mask)}]
        width, height = size(params)
        common = dict(
            prompt=params["prompt"] if TASK != "text" else inputs,
            negative_prompt=params.get("negative_prompt"),
            guidance_scale=float(params.get("guidance_scale", 7.5)),
            num_inference_steps=int(params.get("num_inference_steps", 30)),
            generator=generator(params),
            width=width,
            height=height,
        )
        if TASK == "pose":
            reference = params.get("reference_image")
            # Without an avatar the adapter adds nothing (scale 0); with one, it carries the face.
            self.pipe.set_ip_adapter_scale(0.7 if reference else 0.0)
            avatar = decode_image(reference) if reference else Image.new("RGB", (224, 224))
            return self.pipe(image=decode_image(inputs), ip_adapter_image=avatar, **common).images[0]
        if TASK == "inpainting":
            mask = decode_image(params["mask_image"]).convert("L")
            image = decode_image(inputs)
            return self.pipe(image=image, mask_image=mask, strength=float(params.get("strength", 0.99)), **common).images[0]
        return self.pipe(**common).images[0]
