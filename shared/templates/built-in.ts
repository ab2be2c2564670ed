// The built-in pose library: seeded into D1 (see scripts/write-template-seed.ts), public to all.
import type { Figure, Limb } from "./figure";

export const TEMPLATE_CATEGORIES = [
  "fashion-standing",
  "fashion-sitting",
  "walking",
  "skincare-application",
  "product-holding",
  "hijab-modest-fashion",
  "professional",
  "casual-lifestyle",
] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export const DIFFICULTIES = ["simple", "medium", "complex"] as const;
export const PRODUCT_PLACEMENTS = ["none", "hand", "face", "chest", "waist", "shoulder", "full-outfit"] as const;

export interface BuiltInTemplate {
  slug: string;
  name: string;
  description: string;
  category: TemplateCategory;
  tags: string[];
  difficulty: (typeof DIFFICULTIES)[number];
  gender: "female" | "male" | "any";
  productPlacement: (typeof PRODUCT_PLACEMENTS)[number];
  figure: Figure;
}

// Limb shorthands. Screen angles: 0° down, + toward screen right. The subject's right side is on
// screen left when facing the camera, so "outward" is − for the right arm and + for the left.
const hangR: Limb = { angles: [-7, -4] };
const hangL: Limb = { angles: [7, 4] };
const standR: Limb = { angles: [-3, -1] };
const standL: Limb = { angles: [3, 1] };
const hipR: Limb = { to: [0.35, 2.3], bend: 1 }; // hand on hip
const hipL: Limb = { to: [-0.35, 2.3], bend: -1 };
const toFaceL: Limb = { to: [-0.85, -0.55], bend: -1 }; // hand to cheek
const toFaceR: Limb = { to: [0.85, -0.55], bend: 1 };
const toChinL: Limb = { to: [-0.8, -0.3], bend: -1 };
const holdFrontL: Limb = { to: [-0.55, 1.35], bend: -1 }; // object held at chest
const holdFrontR: Limb = { to: [0.55, 1.35], bend: 1 };
const showOutL: Limb = { to: [1.2, 1.0], bend: -1 }; // product shown out to the side
const showOutR: Limb = { to: [-1.2, 1.0], bend: 1 };
const pocketR: Limb = { to: [0.15, 2.45], bend: 1 };
const pocketL: Limb = { to: [-0.15, 2.45], bend: -1 };
const crossR: Limb = { to: [1.3, 1.45], bend: 1 }; // arms folded
const crossL: Limb = { to: [-1.3, 1.3], bend: -1 };
const waveL: Limb = { to: [0.9, -1.9], bend: 1 };
const bagL: Limb = { angles: [10, -18] }; // bag on the forearm
const contraR: Limb = { angles: [4, 0] }; // weight-bearing leg
const relaxedL: Limb = { to: [0.05, 3.7], bend: -1 };
const relaxedR: Limb = { to: [-0.05, 3.7], bend: 1 };
const crossLegL: Limb = { to: [-0.75, 3.72], bend: -1 };
const sitR: Limb = { angles: [-12, -2], scale: [0.42, 1] }; // thigh toward the camera
const sitL: Limb = { angles: [12, 2], scale: [0.42, 1] };
const sitSideR: Limb = { angles: [80, 5] }; // seated, seen from the side
const sitSideL: Limb = { angles: [74, 12] };
const strideFront: Limb = { angles: [18, 6] };
const strideBack: Limb = { angles: [-16, -30] };

const t = (
  slug: string,
  name: string,
  category: TemplateCategory,
  difficulty: BuiltInTemplate["difficulty"],
  productPlacement: BuiltInTemplate["productPlacement"],
  tags: string[],
  description: string,
  figure: Figure,
  gender: BuiltInTemplate["gender"] = "any",
): BuiltInTemplate => ({ slug, name, description, category, tags, difficulty, gender, productPlacement, figure });

export const BUILT_IN_TEMPLATES: BuiltInTemplate[] = [
  // fashion-standing
  t(
    "front-neutral",
    "Front, arms relaxed",
    "fashion-standing",
    "simple",
    "full-outfit",
    ["front", "catalogue", "full-body"],
    "Straight-on catalogue stance: the whole outfit in view.",
    { rightArm: hangR, leftArm: hangL, rightLeg: standR, leftLeg: standL },
  ),
  t(
    "hand-on-hip",
    "Hand on hip",
    "fashion-standing",
    "simple",
    "waist",
    ["confident", "full-body"],
    "One hand on the hip, weight on one leg.",
    { sway: 0.12, rightArm: hangR, leftArm: hipL, rightLeg: contraR, leftLeg: relaxedL },
  ),
  t(
    "both-hands-hips",
    "Both hands on hips",
    "fashion-standing",
    "simple",
    "waist",
    ["power pose", "full-body"],
    "Both hands on the hips, feet apart.",
    { rightArm: hipR, leftArm: hipL, rightLeg: { angles: [-13, -5] }, leftLeg: { angles: [13, 5] } },
  ),
  t(
    "three-quarter-turn",
    "Three-quarter turn",
    "fashion-standing",
    "medium",
    "full-outfit",
    ["angled", "silhouette"],
    "Body turned slightly to show the outfit's silhouette.",
    { turn: 0.45, rightArm: hangR, leftArm: { angles: [4, 10] }, rightLeg: contraR, leftLeg: relaxedL },
  ),
  t(
    "contrapposto",
    "Weight on one leg",
    "fashion-standing",
    "medium",
    "full-outfit",
    ["relaxed", "s-curve"],
    "Classic S-curve: hips sway, shoulders counter.",
    { lean: -3, sway: 0.18, rightArm: hangR, leftArm: { angles: [14, 6] }, rightLeg: contraR, leftLeg: crossLegL },
  ),
  t(
    "hair-touch",
    "Hand in hair",
    "fashion-standing",
    "medium",
    "face",
    ["beauty", "editorial"],
    "One hand lifted to the hair, the other relaxed.",
    { head: -6, rightArm: hangR, leftArm: { to: [-0.45, -1.55], bend: 1 }, rightLeg: contraR, leftLeg: relaxedL },
    "female",
  ),
  // fashion-sitting
  t(
    "chair-front",
    "Seated, front",
    "fashion-sitting",
    "simple",
    "full-outfit",
    ["chair", "front"],
    "Seated upright facing the camera, hands on the knees.",
    { rightArm: { to: [0.25, 2.2], bend: 1 }, leftArm: { to: [-0.25, 2.2], bend: -1 }, rightLeg: sitR, leftLeg: sitL },
  ),
  t(
    "chair-side",
    "Seated, side view",
    "fashion-sitting",
    "medium",
    "full-outfit",
    ["chair", "profile"],
    "Seated in profile: shows trousers, skirts and shoes.",
    {
      turn: 0.9,
      rightArm: { to: [0.9, 2.1], bend: -1 },
      leftArm: { to: [1.1, 2.0], bend: -1 },
      rightLeg: sitSideR,
      leftLeg: sitSideL,
    },
  ),
  t(
    "seated-legs-crossed",
    "Seated, legs crossed",
    "fashion-sitting",
    "medium",
    "full-outfit",
    ["chair", "elegant"],
    "Seated with one knee over the other.",
    {
      turn: 0.3,
      rightArm: { to: [0.5, 2.15], bend: 1 },
      leftArm: { to: [-0.1, 2.2], bend: -1 },
      rightLeg: { angles: [-5, 2], scale: [0.45, 1] },
      leftLeg: { angles: [-30, -8], scale: [0.55, 1] },
    },
  ),
  t(
    "seated-lean-forward",
    "Seated, leaning in",
    "fashion-sitting",
    "medium",
    "chest",
    ["chair", "engaging"],
    "Seated, elbows on the knees, leaning toward the camera.",
    {
      lean: 10,
      turn: 0.25,
      head: -6,
      rightArm: { to: [0.6, 2.0], bend: 1 },
      leftArm: { to: [-0.2, 2.05], bend: -1 },
      rightLeg: { angles: [-18, -4], scale: [0.4, 1] },
      leftLeg: { angles: [16, 6], scale: [0.45, 1] },
    },
  ),
  t(
    "stool-one-foot-up",
    "On a stool, one foot up",
    "fashion-sitting",
    "complex",
    "full-outfit",
    ["stool", "casual"],
    "Perched on a stool with one foot on the rung.",
    {
      turn: 0.2,
      rightArm: hangR,
      leftArm: { to: [-0.3, 2.0], bend: -1 },
      rightLeg: { angles: [-8, 0], scale: [0.5, 1] },
      leftLeg: { angles: [40, -20], scale: [0.6, 0.7] },
    },
  ),
  // walking
  t(
    "walk-front",
    "Walking toward camera",
    "walking",
    "medium",
    "full-outfit",
    ["motion", "street"],
    "Mid-stride toward the camera, arms swinging.",
    {
      rightArm: { angles: [-24, -34] },
      leftArm: { angles: [16, 42] },
      rightLeg: { to: [0.15, 3.25], bend: 1 },
      leftLeg: { angles: [4, 1] },
    },
  ),
  t(
    "walk-side",
    "Walking, side view",
    "walking",
    "medium",
    "full-outfit",
    ["motion", "profile"],
    "Side-on stride: shows the line of dresses and trousers.",
    {
      turn: 0.9,
      rightArm: { angles: [-22, -10] },
      leftArm: { angles: [24, 40] },
      rightLeg: strideBack,
      leftLeg: strideFront,
    },
  ),
  t(
    "walk-three-quarter",
    "Walking, three-quarter",
    "walking",
    "medium",
    "full-outfit",
    ["motion", "street"],
    "A natural street stride at an angle.",
    {
      turn: -0.45,
      rightArm: { angles: [-14, -30] },
      leftArm: { angles: [16, 8] },
      rightLeg: { angles: [14, 4] },
      leftLeg: { angles: [-18, -34] },
    },
  ),
  t(
    "walk-bag",
    "Walking with a bag",
    "walking",
    "medium",
    "hand",
    ["bag", "motion"],
    "Mid-stride, a bag hanging from one hand.",
    {
      turn: -0.35,
      rightArm: { angles: [-10, -6] },
      leftArm: { angles: [-14, -38] },
      rightLeg: { angles: [14, 5] },
      leftLeg: { angles: [-12, -26] },
    },
  ),
  t(
    "walk-look-back",
    "Walking, looking back",
    "walking",
    "complex",
    "full-outfit",
    ["motion", "editorial"],
    "Walking away at an angle, head turned back to the camera.",
    {
      turn: -0.7,
      head: 12,
      rightArm: { angles: [-26, -14] },
      leftArm: { angles: [6, 12] },
      rightLeg: { angles: [-18, -5] },
      leftLeg: { angles: [12, 32] },
    },
  ),
  // skincare-application
  t(
    "cheek-touch",
    "Fingertips on cheek",
    "skincare-application",
    "simple",
    "face",
    ["skincare", "close", "beauty"],
    "One hand to the cheek, showing the skin.",
    { head: -4, rightArm: hangR, leftArm: toFaceL, rightLeg: standR, leftLeg: standL },
    "female",
  ),
  t(
    "both-hands-face",
    "Both hands framing the face",
    "skincare-application",
    "medium",
    "face",
    ["skincare", "glow"],
    "Both hands to the cheeks, a fresh-skin gesture.",
    { rightArm: toFaceR, leftArm: toFaceL, rightLeg: standR, leftLeg: standL },
    "female",
  ),
  t(
    "apply-serum",
    "Applying serum",
    "skincare-application",
    "medium",
    "hand",
    ["skincare", "bottle", "routine"],
    "Dropper bottle in one hand, the other at the face.",
    { head: 5, rightArm: holdFrontR, leftArm: toFaceL, rightLeg: standR, leftLeg: standL },
  ),
  t(
    "chin-rest",
    "Hand under chin",
    "skincare-application",
    "simple",
    "face",
    ["skincare", "thoughtful"],
    "Hand resting under the chin, the other arm across.",
    { rightArm: { to: [1.15, 1.5], bend: 1 }, leftArm: toChinL, rightLeg: standR, leftLeg: standL },
  ),
  t(
    "moisturiser-neck",
    "Moisturising the neck",
    "skincare-application",
    "medium",
    "face",
    ["skincare", "neck"],
    "Head tilted back slightly, hand at the neck.",
    { head: 8, rightArm: hangR, leftArm: { to: [-0.8, -0.05], bend: -1 }, rightLeg: standR, leftLeg: standL },
    "female",
  ),
  // product-holding
  t(
    "hold-chest",
    "Product at chest height",
    "product-holding",
    "simple",
    "chest",
    ["product", "front"],
    "Both hands hold the product in front of the chest.",
    { rightArm: holdFrontR, leftArm: holdFrontL, rightLeg: standR, leftLeg: standL },
  ),
  t(
    "show-side",
    "Product held out to the side",
    "product-holding",
    "simple",
    "hand",
    ["product", "showcase"],
    "One arm presents the product beside the body.",
    { rightArm: hangR, leftArm: showOutL, rightLeg: contraR, leftLeg: relaxedL },
  ),
  t(
    "product-by-face",
    "Product beside the face",
    "product-holding",
    "medium",
    "face",
    ["product", "beauty", "close"],
    "Product raised next to the face, like a beauty ad.",
    { head: -5, rightArm: hangR, leftArm: { to: [-0.35, -0.75], bend: -1 }, rightLeg: standR, leftLeg: standL },
  ),
  t(
    "bag-on-arm",
    "Bag on the forearm",
    "product-holding",
    "medium",
    "hand",
    ["bag", "accessory"],
    "Handbag hung on a bent forearm.",
    { turn: -0.3, rightArm: hangR, leftArm: { angles: [6, -75] }, rightLeg: relaxedR, leftLeg: { angles: [-3, 0] } },
    "female",
  ),
  t(
    "tote-shoulder",
    "Tote on the shoulder",
    "product-holding",
    "medium",
    "shoulder",
    ["bag", "casual"],
    "One hand holds a tote strap on the shoulder.",
    { rightArm: hangR, leftArm: { to: [-0.25, 0.35], bend: -1 }, rightLeg: standR, leftLeg: standL },
  ),
  t(
    "present-both-hands",
    "Presenting with open hands",
    "product-holding",
    "medium",
    "hand",
    ["product", "offer"],
    "Both hands forward and open, offering the product.",
    {
      rightArm: { to: [-0.2, 1.6], bend: 1 },
      leftArm: { to: [0.2, 1.6], bend: -1 },
      rightLeg: standR,
      leftLeg: standL,
    },
  ),
  // hijab-modest-fashion
  t(
    "hijab-front-soft",
    "Front, hand on chest",
    "hijab-modest-fashion",
    "simple",
    "full-outfit",
    ["hijab", "modest", "gamis"],
    "Facing the camera, one hand on the chest: shows the hijab drape and gamis.",
    {
      turn: 0.15,
      head: -5,
      rightArm: { to: [1.05, 1.2], bend: 1 },
      leftArm: { angles: [18, 10] },
      rightLeg: { angles: [-1, 0] },
      leftLeg: { to: [-0.1, 3.72], bend: -1 },
    },
    "female",
  ),
  t(
    "hijab-adjust",
    "Adjusting the hijab",
    "hijab-modest-fashion",
    "medium",
    "face",
    ["hijab", "detail"],
    "One hand at the side of the hijab, showing its fold.",
    {
      turn: 0.3,
      head: 6,
      rightArm: { to: [0.65, -0.5], bend: 1 },
      leftArm: hangL,
      rightLeg: relaxedR,
      leftLeg: { angles: [-2, 0] },
    },
    "female",
  ),
  t(
    "hijab-three-quarter",
    "Three-quarter, hand on chest",
    "hijab-modest-fashion",
    "medium",
    "chest",
    ["hijab", "elegant"],
    "Turned slightly, one hand resting on the chest.",
    { turn: 0.4, rightArm: { to: [1.2, 1.1], bend: 1 }, leftArm: hangL, rightLeg: contraR, leftLeg: relaxedL },
    "female",
  ),
  t(
    "abaya-walk",
    "Walking in an abaya",
    "hijab-modest-fashion",
    "medium",
    "full-outfit",
    ["abaya", "motion", "modest"],
    "A gentle stride that lets the abaya flow.",
    {
      turn: 0.1,
      rightArm: { angles: [-12, -8] },
      leftArm: { to: [0.3, 2.2], bend: -1 },
      rightLeg: { angles: [-5, -2], scale: [0.92, 1] },
      leftLeg: { to: [0.25, 3.45], bend: -1 },
    },
    "female",
  ),
  t(
    "hijab-seated",
    "Seated, hands in lap",
    "hijab-modest-fashion",
    "simple",
    "full-outfit",
    ["hijab", "seated", "modest"],
    "Seated upright, hands folded in the lap.",
    { rightArm: { to: [0.7, 2.35], bend: 1 }, leftArm: { to: [-0.7, 2.35], bend: -1 }, rightLeg: sitR, leftLeg: sitL },
    "female",
  ),
  t(
    "khimar-display",
    "Showing the khimar length",
    "hijab-modest-fashion",
    "simple",
    "full-outfit",
    ["khimar", "modest"],
    "Arms slightly away from the body so the khimar's length shows.",
    { rightArm: { angles: [-20, -12] }, leftArm: { angles: [20, 12] }, rightLeg: standR, leftLeg: standL },
    "female",
  ),
  // professional
  t(
    "arms-crossed",
    "Arms crossed",
    "professional",
    "simple",
    "chest",
    ["business", "confident"],
    "Arms folded, a confident professional stance.",
    { rightArm: crossR, leftArm: crossL, rightLeg: standR, leftLeg: standL },
  ),
  t(
    "business-hands-front",
    "Hands together in front",
    "professional",
    "simple",
    "full-outfit",
    ["business", "formal"],
    "Hands together at the waist: a corporate portrait.",
    {
      turn: 0.25,
      rightArm: { to: [0.8, 2.15], bend: 1 },
      leftArm: { to: [-0.8, 2.15], bend: -1 },
      rightLeg: contraR,
      leftLeg: relaxedL,
    },
  ),
  t(
    "pocket-lean",
    "Hand in pocket",
    "professional",
    "simple",
    "full-outfit",
    ["business", "casual-formal"],
    "One hand in the trouser pocket, weight on one leg.",
    {
      turn: 0.3,
      lean: -4,
      sway: -0.2,
      rightArm: pocketR,
      leftArm: hangL,
      rightLeg: relaxedR,
      leftLeg: { angles: [-2, 0] },
    },
  ),
  t(
    "presenting",
    "Presenting",
    "professional",
    "medium",
    "hand",
    ["presentation", "teacher"],
    "One arm gestures to the side as if presenting.",
    { turn: -0.2, rightArm: { to: [-1.9, 0.5], bend: 1 }, leftArm: hangL, rightLeg: standR, leftLeg: standL },
  ),
  t(
    "clipboard",
    "Holding a clipboard",
    "professional",
    "medium",
    "chest",
    ["doctor", "clipboard"],
    "Clipboard or tablet held against the chest.",
    { rightArm: { to: [1.15, 1.2], bend: 1 }, leftArm: hangL, rightLeg: standR, leftLeg: standL },
  ),
  // casual-lifestyle
  t(
    "wave",
    "Waving hello",
    "casual-lifestyle",
    "simple",
    "none",
    ["friendly", "greeting"],
    "A friendly wave toward the camera.",
    { rightArm: hangR, leftArm: waveL, rightLeg: standR, leftLeg: standL },
  ),
  t(
    "phone-selfie",
    "Taking a selfie",
    "casual-lifestyle",
    "medium",
    "hand",
    ["phone", "selfie"],
    "Phone held up at arm's length.",
    { head: -6, rightArm: { to: [-0.6, -1.6], bend: 1 }, leftArm: hangL, rightLeg: contraR, leftLeg: relaxedL },
  ),
  t(
    "coffee-cup",
    "Holding a cup",
    "casual-lifestyle",
    "simple",
    "hand",
    ["cafe", "drink"],
    "A cup held at chest height in one hand.",
    { turn: 0.2, rightArm: hangR, leftArm: holdFrontL, rightLeg: contraR, leftLeg: relaxedL },
  ),
  t(
    "stretch-up",
    "Stretching up",
    "casual-lifestyle",
    "complex",
    "full-outfit",
    ["sport", "active"],
    "Both arms raised overhead in a stretch.",
    {
      rightArm: { to: [0.55, -2.45], bend: -1 },
      leftArm: { to: [-0.55, -2.45], bend: 1 },
      rightLeg: standR,
      leftLeg: standL,
    },
  ),
  t(
    "jump-joy",
    "Jumping for joy",
    "casual-lifestyle",
    "complex",
    "full-outfit",
    ["sport", "happy"],
    "Arms up, knees bent mid-jump.",
    {
      rightArm: { to: [-1.3, -1.9], bend: 1 },
      leftArm: { to: [1.3, -1.9], bend: -1 },
      rightLeg: { to: [-0.35, 3.1], bend: 1 },
      leftLeg: { to: [0.35, 3.1], bend: -1 },
    },
  ),
  t(
    "lean-wall",
    "Leaning on a wall",
    "casual-lifestyle",
    "medium",
    "full-outfit",
    ["street", "relaxed"],
    "Shoulder against a wall, legs crossed at the ankle.",
    { lean: -7, turn: 0.35, rightArm: pocketR, leftArm: hangL, rightLeg: contraR, leftLeg: crossLegL },
  ),
];
