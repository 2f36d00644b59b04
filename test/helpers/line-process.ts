import { type ChildProcess, spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import { onTestFinished } from "vitest";

/** A node script run for a test, its stdout collected line by line; SIGKILLed when the test ends, if still up. */
export interface LineProcess {
  child: ChildProcess;
  lines: string[];
  /** The process has exited and its output is all in `lines`. */
  exited: Promise<void>;
  /** Resolves once the output so far satisfies `condition`; rejects if the process ends first. */
  printed(condition: (lines: string[]) => boolean, what: string): Promise<void>;
}

/** Starts `node script` with `env` added; `name` says which process in a failure message. */
export function startLineProcess(
  script: string,
  env: Record<string, string>,
  name = "the process",
): LineProcess {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines: string[] = [];
  const output = new EventEmitter();
  let buffer = "";
  child.stdout?.on("data", (chunk) => {
    buffer += chunk;
    const parts = buffer.split("\n");
    buffer = parts.pop() ?? "";
    lines.push(...parts);
    output.emit("lines");
  });
  // "close", not "exit": only then has every line the process wrote been read.
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const printed = (condition: (lines: string[]) => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!condition(lines)) return;
        output.off("lines", check);
        resolve();
      };
      output.on("lines", check);
      check();
      exited.then(() => {
        output.off("lines", check);
        if (!condition(lines)) reject(new Error(`${name} ended before ${what}`));
      });
    });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  return { child, lines, exited, printed };
}
