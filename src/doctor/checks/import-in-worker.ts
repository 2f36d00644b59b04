import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { safeText } from "./safe-text.js";

export type ImportOutcome =
  | { kind: "imported" }
  | { kind: "threw"; name: string; message: string }
  | { kind: "timeout" }
  | { kind: "aborted" };

/** Runs inside the worker: import the module, report how it went, nothing else. */
const WORKER_SCRIPT = `
const { parentPort, workerData } = require("node:worker_threads");
import(workerData.url).then(
  () => parentPort.postMessage({ kind: "imported" }),
  (error) => parentPort.postMessage({
    kind: "threw",
    name: String((error && error.name) || typeof error),
    message: String((error && error.message) || error),
  }),
);
`;

/**
 * Imports a file of the user's app in a worker thread that is terminated afterwards. A module can hang on a
 * top-level await, spin in a loop, start servers or print; in a worker none of that can hang the diagnosis or
 * touch its state and output, and `terminate()` ends it whatever it does.
 */
export function importInWorker(file: string, timeoutMs: number, signal: AbortSignal): Promise<ImportOutcome> {
  if (signal.aborted) return Promise.resolve({ kind: "aborted" });
  const worker = new Worker(WORKER_SCRIPT, {
    eval: true,
    workerData: { url: pathToFileURL(file).href },
    stdout: true,
    stderr: true,
  });
  // Its output is not ours to print; drain it so the module never blocks on a full pipe.
  worker.stdout.resume();
  worker.stderr.resume();
  return new Promise<ImportOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: ImportOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      void worker.terminate();
      resolve(outcome);
    };
    const onAbort = () => finish({ kind: "aborted" });
    const timer = setTimeout(() => finish({ kind: "timeout" }), timeoutMs);
    signal.addEventListener("abort", onAbort, { once: true });
    worker.once("message", (message: ImportOutcome) =>
      finish(message.kind === "threw" ? { ...message, message: safeText(message.message) } : message),
    );
    // An uncaught exception in the worker (e.g. from a callback the module scheduled) fails the module too.
    worker.once("error", (error) =>
      finish({ kind: "threw", name: error.name, message: safeText(error.message) }),
    );
    // Ending without a word: a top-level await nothing will ever settle (Node exits such an app with code 13)
    // or process.exit() in the module's top level.
    worker.once("exit", (code) =>
      finish({
        kind: "threw",
        name: "ExitedWhileLoading",
        message: `loading ended with exit code ${code} before the module finished: an unsettled top-level await or process.exit()`,
      }),
    );
  });
}
