// What the studio shows of a run's progress: how far it is, and which of its poses may run again.
import type { GenerationState } from "$shared/api/generations";

/** Poses finished (made or failed) and cancelled, and the bar's share: stage by stage when the run says. */
export function runProgress(g: GenerationState) {
  const cancelled = g.poses.filter((p) => p.status === "cancelled").length;
  return { done: g.successfulPoses + g.failedPoses, cancelled, percent: g.stageProgress ?? g.progress };
}

/** The label of the button that runs failed and cancelled poses again; null when there are none. */
export function rerunLabel(g: GenerationState, cancelled: number) {
  if (g.failedPoses > 0 && cancelled > 0) return "progress.retryAndResume" as const;
  if (cancelled > 0) return "progress.resume" as const;
  if (g.failedPoses > 0) return "studio.retry" as const;
  return null;
}

/**
 * Brings a run's progress to the top of the window unless it is already in the window's top third
 * (after Generate the user is at the bottom of the form, or above it on a phone; the pictures come
 * in below the bar, so a bar at the window's foot would leave them out of sight), and gives it
 * focus for screen readers.
 */
export function reveal(element: HTMLElement) {
  element.focus({ preventScroll: true });
  const box = element.getBoundingClientRect();
  if (box.top >= 0 && box.top < window.innerHeight / 3) return;
  const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  element.scrollIntoView({ block: "start", behavior: still ? "auto" : "smooth" });
}
