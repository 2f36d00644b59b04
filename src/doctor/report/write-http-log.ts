import { mkdir, open } from "node:fs/promises";
import { join } from "node:path";
import { formatKstNaive } from "../../cafe24/kst.js";
import type { ReportInput } from "./report-input.js";
import { scrubUrl } from "./scrub-url.js";
import { verdictOf } from "./verdict.js";
import { PRIVATE_FILE_MODE } from "./write-report-file.js";

export const HTTP_LOG_NAME = "comprehensive_test.log";

/** What the log needs from a run. */
export type HttpLogRun = Pick<
  ReportInput,
  | "kind"
  | "startedAt"
  | "finishedAt"
  | "mallId"
  | "toolVersion"
  | "results"
  | "http"
  | "apiCalls"
  | "deadline"
>;

/** Millisecond KST timestamps: the log is read to line up calls that happened within the same second. */
const kst = (epochMs: number) => `${formatKstNaive(epochMs)}+09:00`;

/**
 * One run as log lines, in time order: a header, each check's start and finish, every HTTP exchange (method,
 * scrubbed URL, status, latency, X-Api-Call-Limit) and a closing summary. English keywords whatever `--lang`:
 * the log is for grep and for pasting into an issue, not for reading aloud.
 */
export function formatHttpLog(run: HttpLogRun): string {
  const events: { at: number; line: string }[] = [];
  for (const r of run.results) events.push({ at: r.startedAt, line: `START ${r.id}` });
  for (const e of run.http) {
    const fields = [
      "HTTP",
      e.method,
      scrubUrl(e.url),
      e.status ?? "-",
      `${Math.round(e.ms)} ms`,
      `limit=${e.callLimit ?? "-"}`,
    ];
    if (e.error) fields.push(`error=${e.error}`);
    events.push({ at: e.at, line: fields.join(" ") });
  }
  for (const r of run.results) {
    events.push({
      at: r.startedAt + r.durationMs,
      line: `FINISH ${r.id} ${r.status} ${Math.round(r.durationMs)} ms`,
    });
  }
  // Stable sort: at equal times a start stays before the calls it made and those before its finish.
  events.sort((a, b) => a.at - b.at);

  const verdict = verdictOf(run.results);
  const lines = [
    `${kst(run.startedAt)} RUN cafe24-doctor ${run.toolVersion} ${run.kind} mall=${run.mallId ?? "-"}`,
    ...events.map((e) => `${kst(e.at)} ${e.line}`),
    `${kst(run.finishedAt)} END ${verdict.status} exit=${verdict.exitCode} ${Math.round(run.finishedAt - run.startedAt)} ms` +
      ` api-calls=${run.apiCalls.spent}/${run.apiCalls.budget} deadline-hit=${run.deadline.hit}`,
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * Appends the run to `<dir>/comprehensive_test.log` in one write, so runs never interleave; returns the path.
 * Created with mode 0600; a log left readable by others (an older version, a copy) is tightened to 0600.
 */
export async function writeHttpLog(dir: string, run: HttpLogRun): Promise<string> {
  const path = join(dir, HTTP_LOG_NAME);
  await mkdir(dir, { recursive: true });
  const file = await open(path, "a", PRIVATE_FILE_MODE);
  try {
    if ((await file.stat()).mode & 0o077) await file.chmod(PRIVATE_FILE_MODE);
    await file.appendFile(formatHttpLog(run));
  } finally {
    await file.close();
  }
  return path;
}
