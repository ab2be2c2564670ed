// The built-in templates as pose_templates rows: what the seed migration inserts.
import { writeOpenPose } from "../pose/openpose-json";
import { BUILT_IN_TEMPLATES, type BuiltInTemplate } from "./built-in";
import { buildFigure } from "./figure";

export const TEMPLATE_CANVAS = { width: 512, height: 768 };
/** Fixed so the seed is reproducible; spaced a second apart so the library keeps its order. */
const SEEDED_AT = Date.UTC(2026, 10, 1);
const PRIOR_SUCCESS_RATE: Record<BuiltInTemplate["difficulty"], number> = { simple: 0.95, medium: 0.9, complex: 0.82 };

export const builtInTemplateId = (slug: string) => `builtin-${slug}`;

export function builtInTemplateRows() {
  return BUILT_IN_TEMPLATES.map((t, i) => {
    const id = builtInTemplateId(t.slug);
    const pose = buildFigure(t.figure, TEMPLATE_CANVAS.width, TEMPLATE_CANVAS.height);
    return {
      id,
      name: t.name,
      description: t.description,
      category: t.category,
      keypointsJson: JSON.stringify(writeOpenPose(pose)),
      canvasWidth: TEMPLATE_CANVAS.width,
      canvasHeight: TEMPLATE_CANVAS.height,
      previewUrl: `/api/v1/templates/${id}/preview.png`,
      difficulty: t.difficulty,
      tags: t.tags,
      gender: t.gender,
      productPlacement: t.productPlacement,
      successRate: PRIOR_SUCCESS_RATE[t.difficulty],
      createdAt: SEEDED_AT - i * 1000,
    };
  });
}
