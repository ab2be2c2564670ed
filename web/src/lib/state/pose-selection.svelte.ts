const KEY = "selected-poses";

/** The poses picked in the library, kept for the studio (and across reloads in this tab). */
class PoseSelection {
  ids = $state<string[]>(JSON.parse(globalThis.sessionStorage?.getItem(KEY) ?? "[]") as string[]);

  has = (id: string) => this.ids.includes(id);

  toggle(id: string) {
    this.ids = this.has(id) ? this.ids.filter((x) => x !== id) : [...this.ids, id];
    this.save();
  }

  /** Picks exactly these poses, in this order (a past run's). */
  set(ids: string[]) {
    this.ids = [...ids];
    this.save();
  }

  clear() {
    this.ids = [];
    this.save();
  }

  private save() {
    globalThis.sessionStorage?.setItem(KEY, JSON.stringify(this.ids));
  }
}

export const poseSelection = new PoseSelection();
