import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createProgress } from "../../../src/doctor/report/create-progress.js";
import { createTranslator } from "../../../src/i18n/translate.js";
import { result } from "./fixtures.js";

function sink() {
  const chunks: string[] = [];
  return { chunks, stream: { write: (chunk: string) => chunks.push(chunk) } };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("progress when not a terminal", () => {
  it("prints plain start and finish lines without ANSI codes", () => {
    const { chunks, stream } = sink();
    const progress = createProgress({ stream, isTTY: false, t: createTranslator("en") });
    progress.start("clock");
    progress.start("authentication");
    progress.finish(result("clock", "ok", [], [0, 12]));
    progress.finish(result("authentication", "expired", [], [0, 110.4]));
    progress.stop();
    progress.start("services");
    expect(chunks.join("")).toBe(
      ["▶ clock …", "▶ authentication …", "✓ clock 12 ms", "✗ authentication 110 ms [EXPIRED]", ""].join(
        "\n",
      ),
    );
  });
});

describe("progress on a terminal", () => {
  it("redraws one line per check in place while a spinner turns, and on stop() stops turning and erases the block", () => {
    vi.useFakeTimers();
    const { chunks, stream } = sink();
    const progress = createProgress({ stream, isTTY: true, t: createTranslator("ko"), color: false });
    progress.start("clock");
    progress.start("network");
    expect(chunks.at(-1)).toBe("\x1b[1A\r\x1b[2K⠋ 시계 …\n\r\x1b[2K⠋ 네트워크 …\n");
    vi.advanceTimersByTime(100);
    expect(chunks.at(-1)).toBe("\x1b[2A\r\x1b[2K⠙ 시계 …\n\r\x1b[2K⠙ 네트워크 …\n");
    progress.finish(result("clock", "ok", [], [0, 12]));
    expect(chunks.at(-1)).toBe("\x1b[2A\r\x1b[2K✓ [정상] 시계 12 ms\n\r\x1b[2K⠙ 네트워크 …\n");
    progress.stop();
    // Cursor back to the block's first line, cleared to the end: the result printed next takes its place.
    expect(chunks.at(-1)).toBe("\x1b[2A\r\x1b[J");
    expect(vi.getTimerCount()).toBe(0);
    const written = chunks.length;
    vi.advanceTimersByTime(1_000);
    progress.finish(result("network", "ok"));
    expect(chunks.length).toBe(written);
  });

  it("stops its timer once every started check has finished", () => {
    vi.useFakeTimers();
    const progress = createProgress({ ...sink(), isTTY: true, t: createTranslator("en"), color: false });
    progress.start("clock");
    expect(vi.getTimerCount()).toBe(1);
    progress.finish(result("clock", "ok"));
    expect(vi.getTimerCount()).toBe(0);
  });

  it("never keeps the process alive, even if stop() is forgotten", () => {
    const module = JSON.stringify(
      fileURLToPath(new URL("../../../dist/doctor/report/create-progress.js", import.meta.url)),
    );
    const translate = JSON.stringify(
      fileURLToPath(new URL("../../../dist/i18n/translate.js", import.meta.url)),
    );
    const script = `
      const { createProgress } = await import(${module});
      const { createTranslator } = await import(${translate});
      createProgress({ stream: process.stdout, isTTY: true, t: createTranslator("en"), color: false }).start("clock");`;
    // A live interval would hold the event loop open until the timeout kills the child and execFileSync throws.
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      timeout: 5_000,
    }).toString();
    expect(output).toContain("Clock");
  });
});
