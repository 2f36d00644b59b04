import { realSleep, type Sleep } from "../util/runtime.js";

export interface FollowOptions {
  /** The lines to show now; re-read each tick so a refresh by another process shows up. */
  draw: () => Promise<string[]>;
  write: (text: string) => void;
  /** Ctrl-C: stop redrawing and leave the last frame on screen. */
  signal: AbortSignal;
  /** @default 1000 */
  intervalMs?: number;
  sleep?: Sleep;
}

/**
 * A live countdown on a terminal: redraws the same block in place once per interval (cursor up over the last
 * frame, clear to the end of the screen) until the signal fires.
 */
export async function followTokenStatus(options: FollowOptions): Promise<void> {
  const sleep = options.sleep ?? realSleep;
  let previous = 0;
  while (!options.signal.aborted) {
    const lines = await options.draw();
    const rewind = previous > 0 ? `\x1b[${previous}F\x1b[J` : "";
    options.write(`${rewind}${lines.join("\n")}\n`);
    previous = lines.length;
    await sleep(options.intervalMs ?? 1000, options.signal).catch(() => {});
  }
}
