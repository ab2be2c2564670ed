// The types of @kninnug/constrainautor as the engine uses them. The package ships its TypeScript
// source as its types, which does not pass this project's noUncheckedIndexedAccess; tsconfig's
// `paths` points the root project here instead (the bundlers still load the package's own code).
declare module "@kninnug/constrainautor" {
  export interface DelaunatorLike {
    coords: { readonly length: number; readonly [n: number]: number };
    triangles: { readonly length: number; [n: number]: number };
    halfedges: { readonly length: number; [n: number]: number };
  }
  export default class Constrainautor {
    constructor(del: DelaunatorLike, edges?: readonly [number, number][]);
    /** Constrains the edge between two point indices; throws when it crosses a constrained edge or a point. */
    constrainOne(segP1: number, segP2: number): number;
    constrainAll(edges: readonly [number, number][]): this;
    delaunify(deep?: boolean): this;
  }
}
