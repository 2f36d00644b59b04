import type { Translate } from "../../i18n/translate.js";
import type { CheckId, CheckResult } from "../types.js";
import { paintStatus, STATUS_SYMBOL, terminalColors } from "./terminal-colors.js";

export interface Progress {
  start(checkId: CheckId): void;
  finish(result: CheckResult): void;
  /**
   * Stops the spinner; later calls are ignored. On a terminal the block is erased, so the result printed next
   * takes its place instead of repeating every check below it.
   */
  stop(): void;
}

export interface ProgressOptions {
  stream: { write(chunk: string): unknown };
  /**
   * A live, redrawn view on a terminal; plain append-only lines otherwise (for library callers that want a
   * trace: the CLI shows no progress at all when stderr is not a terminal, so cron and CI logs stay clean).
   */
  isTTY: boolean;
  t: Translate;
  /** Default: on for a terminal unless NO_COLOR (picocolors' detection). */
  color?: boolean;
}

const FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
/** 10 redraws a second at most: smooth enough, and cheap over a slow SSH link. */
const FRAME_MS = 100;

export function createProgress(options: ProgressOptions): Progress {
  return options.isTTY ? liveProgress(options) : plainProgress(options);
}

/** `▶ clock …` then `✓ clock 12 ms`: no ANSI, one line per event, safe to grep. */
function plainProgress({ stream, t }: ProgressOptions): Progress {
  let stopped = false;
  return {
    start(id) {
      if (!stopped) stream.write(`▶ ${id} …\n`);
    },
    finish(result) {
      if (stopped) return;
      const tag = result.status === "ok" ? "" : ` ${t(`report.tag.${result.status}`)}`;
      stream.write(
        `${STATUS_SYMBOL[result.status]} ${result.id} ${Math.round(result.durationMs)} ms${tag}\n`,
      );
    },
    stop() {
      stopped = true;
    },
  };
}

/** One line per started check, redrawn in place (cursor up, clear line) while a spinner turns. */
function liveProgress({ stream, t, color }: ProgressOptions): Progress {
  const c = terminalColors(color);
  const rows = new Map<CheckId, CheckResult | undefined>();
  let drawn = 0;
  let frame = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const line = (id: CheckId, result: CheckResult | undefined) => {
    const title = t(`report.check.${id}`);
    if (!result) return `${c.cyan(FRAMES[frame % FRAMES.length])} ${title} ${c.dim("…")}`;
    const mark = paintStatus(
      c,
      result.status,
      `${STATUS_SYMBOL[result.status]} ${t(`report.tag.${result.status}`)}`,
    );
    return `${mark} ${title} ${c.dim(`${Math.round(result.durationMs)} ms`)}`;
  };
  const draw = () => {
    let out = drawn > 0 ? `\x1b[${drawn}A` : "";
    for (const [id, result] of rows) out += `\r\x1b[2K${line(id, result)}\n`;
    drawn = rows.size;
    stream.write(out);
  };
  const stopTimer = () => {
    clearInterval(timer);
    timer = undefined;
  };

  return {
    start(id) {
      if (stopped) return;
      rows.set(id, undefined);
      // unref: a forgotten stop() must never keep the process alive after the doctor has finished.
      timer ??= setInterval(() => {
        frame += 1;
        draw();
      }, FRAME_MS).unref();
      draw();
    },
    finish(result) {
      if (stopped) return;
      rows.set(result.id, result);
      if (![...rows.values()].includes(undefined)) stopTimer();
      draw();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      stopTimer();
      // Back to the block's first line and clear to the end of the screen: the result replaces the progress.
      if (drawn > 0) stream.write(`\x1b[${drawn}A\r\x1b[J`);
      drawn = 0;
    },
  };
}
