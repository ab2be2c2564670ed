// The pose being edited, with undo/redo. Every change goes through `change()`, which records the
// state before it, so any edit (drag, nudge, mirror, import…) is one undo step.
import { LIMBS, type Keypoint, type Pose, type PosePerson } from "$shared/pose/model";
import { BODY_MIRROR, allPoints, boundingBox, mirrorPose, rotateScalePose } from "$shared/pose/transform";
import { BUILT_IN_TEMPLATES } from "$shared/templates/built-in";
import { buildFigure } from "$shared/templates/figure";

/** A joint the user hid: absent from the pose, but remembered so "show" puts it back. */
export type HiddenJoints = Record<string, Keypoint>;

interface Snapshot {
  pose: Pose;
  hidden: HiddenJoints;
}

export interface JointRef {
  person: number;
  joint: number;
}

const key = ({ person, joint }: JointRef) => `${person}:${joint}`;
const HISTORY_LIMIT = 200;
const round = (v: number) => Math.round(v * 100) / 100;
const clone = <T>(v: T): T => structuredClone($state.snapshot(v) as T);

/** A standing figure for "add person", scaled to a canvas. */
export function standingPerson(width: number, height: number): PosePerson {
  const figure = buildFigure(BUILT_IN_TEMPLATES[0]!.figure, width, height);
  return figure.people[0]!;
}

export class PoseDocument {
  pose = $state<Pose>({ canvasWidth: 512, canvasHeight: 768, people: [] });
  hidden = $state<HiddenJoints>({});
  selected = $state<JointRef | null>(null);
  private undoStack = $state<Snapshot[]>([]);
  private redoStack = $state<Snapshot[]>([]);

  readonly canUndo = $derived(this.undoStack.length > 0);
  readonly canRedo = $derived(this.redoStack.length > 0);

  constructor(pose?: Pose) {
    if (pose) this.load(pose);
  }

  /** Replaces the document (no undo step): a fresh template or detection. */
  load(pose: Pose) {
    this.pose = clone(pose);
    this.hidden = placeMissing(this.pose);
    this.selected = null;
    this.undoStack = [];
    this.redoStack = [];
  }

  /** Records the current state for undo, then applies `edit`. */
  change(edit: () => void) {
    this.undoStack = [...this.undoStack.slice(-HISTORY_LIMIT + 1), this.snapshot()];
    this.redoStack = [];
    edit();
  }

  undo() {
    const previous = this.undoStack.at(-1);
    if (!previous) return;
    this.redoStack = [...this.redoStack, this.snapshot()];
    this.undoStack = this.undoStack.slice(0, -1);
    this.restore(previous);
  }

  redo() {
    const next = this.redoStack.at(-1);
    if (!next) return;
    this.undoStack = [...this.undoStack, this.snapshot()];
    this.redoStack = this.redoStack.slice(0, -1);
    this.restore(next);
  }

  /** Where a joint is, shown or hidden (null only for a joint that never had a position). */
  position(ref: JointRef): Keypoint | null {
    return this.pose.people[ref.person]?.body[ref.joint] ?? this.hidden[key(ref)] ?? null;
  }

  isHidden = (ref: JointRef) => !this.pose.people[ref.person]?.body[ref.joint];

  /** Moves a joint without recording (the drag's first move records once via `change`). */
  moveTo(ref: JointRef, x: number, y: number) {
    const p = { x: round(clamp(x, 0, this.pose.canvasWidth)), y: round(clamp(y, 0, this.pose.canvasHeight)), c: 1 };
    if (this.isHidden(ref)) this.hidden[key(ref)] = p;
    else this.pose.people[ref.person]!.body[ref.joint] = p;
  }

  nudge(dx: number, dy: number) {
    const ref = this.selected;
    const at = ref && this.position(ref);
    if (!ref || !at) return;
    this.change(() => this.moveTo(ref, at.x + dx, at.y + dy));
  }

  toggleHidden(ref = this.selected) {
    const at = ref && this.position(ref);
    if (!ref || !at) return;
    this.change(() => {
      const body = this.pose.people[ref.person]!.body;
      if (this.isHidden(ref)) {
        body[ref.joint] = at;
        delete this.hidden[key(ref)];
      } else {
        this.hidden[key(ref)] = at;
        body[ref.joint] = null;
      }
    });
  }

  addPerson() {
    const { canvasWidth: w, canvasHeight: h } = this.pose;
    this.change(() => {
      const person = standingPerson(w, h);
      // Side by side with whoever is there: shift the newcomer a third of the canvas along.
      const shift = this.pose.people.length ? ((this.pose.people.length % 2 ? 1 : -1) * w) / 3 : 0;
      const moved = roundPose(rotateScalePose({ canvasWidth: w, canvasHeight: h, people: [person] }, 0, 0.8))
        .people[0]!;
      for (const p of moved.body) if (p) p.x = round(clamp(p.x + shift, 0, w));
      this.pose.people.push(moved);
      this.selected = { person: this.pose.people.length - 1, joint: 1 };
    });
  }

  removePerson(index = this.selected?.person ?? this.pose.people.length - 1) {
    if (index < 0 || index >= this.pose.people.length) return;
    this.change(() => {
      this.pose.people.splice(index, 1);
      this.hidden = reindexHidden(this.hidden, index);
      this.selected = null;
    });
  }

  mirror() {
    this.change(() => {
      const w = this.pose.canvasWidth;
      this.pose = mirrorPose(clone(this.pose));
      // Hidden joints follow their mirrored twins (the swap is its own inverse).
      this.hidden = Object.fromEntries(
        Object.entries(this.hidden).map(([k, p]) => {
          const [person, joint] = k.split(":").map(Number) as [number, number];
          return [key({ person, joint: BODY_MIRROR[joint]! }), { ...p, x: round(w - p.x) }];
        }),
      );
    });
  }

  /** Rotates (degrees) and scales the whole figure about its centre. */
  transform(degrees: number, scale: number) {
    this.change(() => {
      const box = boundingBox(allPoints(this.pose));
      const center = box ? { x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2 } : undefined;
      const next = rotateScalePose(clone(this.pose), degrees, scale, center);
      this.pose = roundPose(next);
      const ghosts = rotateScalePose(
        { ...this.pose, people: [{ body: Object.values(this.hidden), face: null, leftHand: null, rightHand: null }] },
        degrees,
        scale,
        center,
      ).people[0]!.body;
      this.hidden = Object.fromEntries(Object.keys(this.hidden).map((k, i) => [k, roundPoint(ghosts[i]!)]));
    });
  }

  /** Replaces the pose with an imported one, as one undoable step. */
  replace(pose: Pose) {
    this.change(() => {
      this.pose = clone(pose);
      this.hidden = placeMissing(this.pose);
      this.selected = null;
    });
  }

  private snapshot(): Snapshot {
    return { pose: clone(this.pose), hidden: clone(this.hidden) };
  }

  private restore(s: Snapshot) {
    this.pose = s.pose;
    this.hidden = s.hidden;
    if (this.selected && !this.pose.people[this.selected.person]) this.selected = null;
  }
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const roundPoint = (p: Keypoint): Keypoint => ({ ...p, x: round(p.x), y: round(p.y) });
const roundPose = (pose: Pose): Pose => ({
  ...pose,
  people: pose.people.map((person) => ({
    body: person.body.map((p) => p && roundPoint(p)),
    face: person.face?.map((p) => p && roundPoint(p)) ?? null,
    leftHand: person.leftHand?.map((p) => p && roundPoint(p)) ?? null,
    rightHand: person.rightHand?.map((p) => p && roundPoint(p)) ?? null,
  })),
});

/**
 * Joints missing from a loaded pose get a hidden position so the user can show them: the middle
 * of the limbs they connect to, else the centre of the person.
 */
function placeMissing(pose: Pose): HiddenJoints {
  const hidden: HiddenJoints = {};
  pose.people.forEach((person, p) => {
    const box = boundingBox(person.body.filter((q): q is Keypoint => q !== null));
    const centre = box
      ? { x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2 }
      : { x: pose.canvasWidth / 2, y: pose.canvasHeight / 2 };
    person.body.forEach((q, j) => {
      if (q) return;
      const near = LIMBS.filter(([a, b]) => a === j || b === j)
        .map(([a, b]) => person.body[a === j ? b : a])
        .filter((n): n is Keypoint => !!n);
      const x = near.length ? near.reduce((s, n) => s + n.x, 0) / near.length : centre.x;
      const y = near.length ? near.reduce((s, n) => s + n.y, 0) / near.length : centre.y;
      hidden[key({ person: p, joint: j })] = { x: round(x + (near.length ? 12 : 0)), y: round(y), c: 1 };
    });
  });
  return hidden;
}

/** Drops the hidden joints of a removed person and renumbers those after it. */
function reindexHidden(hidden: HiddenJoints, removed: number): HiddenJoints {
  return Object.fromEntries(
    Object.entries(hidden).flatMap(([k, p]) => {
      const [person, joint] = k.split(":").map(Number) as [number, number];
      if (person === removed) return [];
      return [[key({ person: person > removed ? person - 1 : person, joint }), p]];
    }),
  );
}
