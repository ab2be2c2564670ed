/**
 * Memory one request's image work may take: a Worker isolate has 128 MB, and the code, the
 * runtime and other requests need the rest. `npm run bench` measures every path against it.
 */
export const MEMORY_BUDGET_BYTES = 96 * 1024 * 1024;
