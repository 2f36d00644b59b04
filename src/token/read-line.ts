import { createInterface } from "node:readline";

/** One line from a stream (the pasted redirected URL); undefined when the stream ends or the signal fires first. */
export function readLine(input: NodeJS.ReadableStream, signal?: AbortSignal): Promise<string | undefined> {
  return new Promise((resolve) => {
    const lines = createInterface({ input, terminal: false });
    let answer: string | undefined;
    const stop = () => lines.close();
    signal?.addEventListener("abort", stop, { once: true });
    lines.once("line", (line) => {
      answer = line;
      lines.close();
    });
    lines.once("close", () => {
      signal?.removeEventListener("abort", stop);
      // Closing the interface leaves stdin flowing, which would keep the process alive.
      if ("pause" in input && typeof input.pause === "function") input.pause();
      resolve(answer);
    });
  });
}
