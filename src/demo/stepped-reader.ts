import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/**
 * The copy-paste token clients' stepped readers (examples/token-clients/): one Cafe24 call per input line, on
 * the caller's clock. The demo runs from a checkout (dist/demo is not published), so both paths resolve.
 */
export const PYTHON_READER = fileURLToPath(
  new URL("../../examples/token-clients/python/stepped_reader.py", import.meta.url),
);
export const NODE_READER = fileURLToPath(
  new URL("../../examples/token-clients/node/stepped-reader.mjs", import.meta.url),
);

/** One line a stepped reader prints per call. */
export interface ReaderCall {
  call: number;
  ok: boolean;
  status: number | null;
  error: string | null;
  /** Where the call's token came from: the reader's cache, a read from watch, or a report after a 401. */
  source: "cache" | "endpoint" | "rejected";
}

/** The stepped reader's last line, at the end of its input. */
export interface ReaderSummary {
  done: true;
  calls: number;
  failed: number;
  endpoint_reads: number;
  rejections: number;
  /** Every field watch's answers carried. */
  keys: string[];
}

export interface SteppedReader {
  /** What the reader makes its HTTP calls with (requests, urllib, fetch). */
  transport: string;
  /** One Cafe24 call, with the reader's clock at `nowMs`. */
  call(nowMs: number): Promise<ReaderCall>;
  /** Closes its input; resolves with its summary once it has exited 0. */
  finish(): Promise<ReaderSummary>;
  /** Ends it at once (SIGKILL) if still running. */
  kill(): void;
}

/** A stuck reader fails the run instead of hanging it: every answer is awaited at most this long. */
const LINE_TIMEOUT_MS = 20_000;

/**
 * Starts `command args` with `env` over this process's environment minus every CAFE24_* variable, so the
 * reader knows only what it is given — never a client id, client secret or token file.
 */
export async function startSteppedReader(
  command: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<SteppedReader> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("CAFE24_")),
  );
  const child: ChildProcessWithoutNullStreams = spawn(command, args, { env: { ...inherited, ...env } });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const spawned = new Promise<void>((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", reject);
  });
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  const nextLine = async (what: string): Promise<Record<string, unknown>> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${command} printed no ${what} in time; ${stderr}`)),
        LINE_TIMEOUT_MS,
      );
    });
    try {
      const next = await Promise.race([lines.next(), timeout]);
      if (next.done) throw new Error(`${command} ended before its ${what}; ${stderr}`);
      return JSON.parse(next.value) as Record<string, unknown>;
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    await spawned;
    const ready = await nextLine("ready line");
    return {
      transport: String(ready.transport),
      async call(nowMs) {
        child.stdin.write(`${JSON.stringify({ now_ms: nowMs })}\n`);
        return (await nextLine("call result")) as unknown as ReaderCall;
      },
      async finish() {
        child.stdin.end();
        const summary = (await nextLine("summary")) as unknown as ReaderSummary;
        const code = await exited;
        if (code !== 0) throw new Error(`${command} exited ${code}; ${stderr}`);
        return summary;
      },
      kill,
    };
  } catch (error) {
    kill();
    throw error;
  }
}
