// `npm start`: everything a fresh clone needs to run the app locally on one origin.
import { buildWeb, ensureDevVars, migrateLocal, startWorker } from "./local-env.mjs";

const port = Number(process.env.PORT ?? 8787);

ensureDevVars();
migrateLocal();
buildWeb();
const worker = startWorker({ port });
console.log(`\nAvatar & Pose Generator: http://127.0.0.1:${port}\n`);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => worker.kill(signal));
worker.on("exit", (code) => process.exit(code ?? 0));
