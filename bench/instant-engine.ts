// The instant pose engine's own cost (shared/instant/): prepareRig once per avatar, then one pose
// (ARAP solve + raster) at SD 512×768 and HD 1024×1536, on the synthetic figure at the engine's
// largest working size (1024 px tall) and on the astronaut photo (half body). Medians of warm
// runs. Goals from the issue, printed as ratios: a pose at SD ≤ 150 ms and at HD ≤ 600 ms on the
// Worker path, PNG encoding included (the provider's work per pose once the rig is prepared and
// cached; judged on CPU time, which a busy shared machine inflates less than wall time), and a
// browser preview ≤ 30 ms per pose.
import { readFileSync } from "node:fs";
import { PhotonImage } from "@cf-wasm/photon";
import type { AvatarRig, OutputSize } from "../shared/instant/contract";
import { deformRig, drawInstantPose } from "../shared/instant/draw-pose";
import { identityTarget } from "../shared/instant/identity-target";
import { prepareRig } from "../shared/instant/prepare-rig";
import { encodePng } from "../worker/images/rgba";
import { ASTRONAUT_POSE } from "../tests/helpers/astronaut-pose";
import { syntheticSubject, testPoses } from "../tests/helpers/instant-subject";
import { runIfMain, type Figure } from "./harness/figure";

/** Median wall time and median CPU time (ms) of warm runs: on a busy machine the CPU time is the truer cost. */
function median(f: () => void, runs: number, warm = 3): { wall: number; cpu: number } {
  for (let i = 0; i < warm; i++) f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    f();
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  const mid = (v: number[]) => v.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  return { wall: mid(wall), cpu: mid(cpu) };
}

const ms = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(1)} ms (CPU ${t.cpu.toFixed(1)} ms)`;

function astronaut(): AvatarRig {
  const photo = PhotonImage.new_from_byteslice(
    readFileSync(new URL("../tests/fixtures/astronaut.cutout.png", import.meta.url)),
  );
  const rig = { cutout: { width: photo.get_width(), height: photo.get_height(), data: photo.get_raw_pixels() } };
  photo.free();
  return { ...rig, pose: ASTRONAUT_POSE };
}

const SIZES: [string, OutputSize, number][] = [
  ["SD 512×768", { width: 512, height: 768 }, 150],
  ["HD 1024×1536", { width: 1024, height: 1536 }, 600],
];

export function benchInstantEngine() {
  const subjects: [string, AvatarRig][] = [
    ["synthetic figure 600×1024", syntheticSubject(600, 1024)],
    ["astronaut 512×512 (half body)", astronaut()],
  ];
  for (const [label, rig] of subjects) {
    const first = performance.now();
    const prepared = prepareRig(rig);
    const cold = performance.now() - first;
    const warm = median(() => prepareRig(rig), 5, 1);
    const factorBytes = prepared.arap.step1.values.byteLength + prepared.arap.step2.values.byteLength;
    console.log(
      `instant engine, ${label}: prepareRig ${ms(warm)}, first call ${cold.toFixed(0)} ms; ` +
        `${prepared.mesh.points.length / 2} vertices, ${prepared.mesh.triangles.length / 3} triangles, ` +
        `${prepared.arap.pins.count} pins, factors ${(factorBytes / 1024 / 1024).toFixed(2)} MB`,
    );
    for (const [name, size, goal] of SIZES) {
      const target = testPoses(identityTarget(rig, size)).lean!;
      const solve = median(() => deformRig(prepared, target), 15);
      const draw = median(() => drawInstantPose(prepared, target, size), 9);
      // What the provider does per pose once the rig is prepared (it is cached per isolate).
      const pose = median(() => encodePng(drawInstantPose(prepared, target, size).image), 9);
      console.log(
        `instant engine, ${label}, ${name}: ${ms(pose)} per pose with PNG encoding = ` +
          `${(pose.cpu / goal).toFixed(2)}× the ${goal} ms goal (CPU; wall ${(pose.wall / goal).toFixed(2)}×)` +
          `${pose.cpu > goal ? " OVER" : ""}; of which drawing ${ms(draw)}, solve ${ms(solve)}`,
      );
    }
  }
}

export const instantEngineFigure: Figure = { name: "instant engine", run: () => benchInstantEngine() };
await runIfMain(import.meta.url, instantEngineFigure);
