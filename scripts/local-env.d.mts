import type { ChildProcess, SpawnSyncOptions, StdioOptions } from "node:child_process";

export const ROOT: string;
export const WRANGLER_ENV: NodeJS.ProcessEnv;
export function freshDevVars(): string;
export function ensureDevVars(): void;
export function run(command: string, args: string[], options?: SpawnSyncOptions): void;
export function migrateLocal(persistTo?: string, options?: SpawnSyncOptions): void;
export function buildWeb(): void;
export function queryLocal<T = Record<string, unknown>>(persistTo: string, sql: string): T[];
export function startWorker(options: {
  port: number;
  persistTo?: string;
  stdio?: StdioOptions;
  vars?: Record<string, string>;
  detached?: boolean;
  envFile?: string;
}): ChildProcess;
export function waitForHealth(origin: string, timeoutMs?: number): Promise<void>;
