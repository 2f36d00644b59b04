import { criticalWorkPending, criticalWorkSettled } from "../util/critical-work.js";
import type { CliContext } from "./cli-context.js";

/** The shell's convention for "stopped by Ctrl-C". */
export const INTERRUPTED_EXIT = 130;

/**
 * While `work` runs, Ctrl-C and SIGTERM stop the command only once no refresh is between Cafe24's answer and
 * the durable write (a refreshed token exists nowhere else); until then the command says why it waits. Without
 * such work it stops at once, as users expect.
 */
export async function holdInterrupts<T>(cli: CliContext, work: () => Promise<T>): Promise<T> {
  let stopping = false;
  const onSignal = () => {
    if (criticalWorkPending() === 0) process.exit(INTERRUPTED_EXIT);
    cli.err(cli.t("cli.interrupt.waiting"));
    if (stopping) return;
    stopping = true;
    void criticalWorkSettled().then(() => {
      cli.err(cli.t("cli.interrupt.saved"));
      process.exit(INTERRUPTED_EXIT);
    });
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    return await work();
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
