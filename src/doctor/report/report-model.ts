import { z } from "zod";
import { CHECK_ORDER, URGENCY_RANK, type Urgency } from "../types.js";

// The zod schema is the source of truth for the JSON report; schema/comprehensive-test-report.schema.json is
// generated from it (see test/doctor/report/report-schema.test.ts) so that non-TypeScript readers can validate.

const count = z.number().int().nonnegative();
const kstIso = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/)
  .describe("Korea Standard Time, ISO 8601 with +09:00, whatever the host's time zone");
const urgency = z.enum(Object.keys(URGENCY_RANK) as Urgency[]);
const checkId = z.enum(CHECK_ORDER);

/** A message as both machine key and the text the user read. */
const text = z.object({ key: z.string(), text: z.string() });

/** Masked, short, free of personal data (the checks guarantee it; the report only carries it). */
const evidence = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]),
);

const finding = z.object({
  code: z.string().describe('Stable identifier, e.g. "ACCESS_TOKEN_EXPIRED"'),
  urgency,
  cause: text,
  remedy: text,
  command: z.string().nullable().describe("The one command that fixes it"),
  evidence,
});

const check = z.object({
  id: checkId,
  order: z.number().int().min(1).max(CHECK_ORDER.length),
  title: z.string(),
  status: z.enum(["ok", "expired", "fail", "missing", "warn", "skipped"]),
  tag: z.string().describe('The status tag as printed, e.g. "[정상]" or "[OK]"'),
  urgency: urgency.nullable().describe("The highest urgency among its findings; null without findings"),
  startedAtMs: count.describe("Offset from the start of the run"),
  durationMs: count,
  summary: text,
  evidence,
  findings: z.array(finding),
});

const problem = z.object({
  rank: z.number().int().min(1),
  check: checkId,
  code: z.string(),
  urgency,
  urgencyLabel: z.string().describe("긴급/높음/보통/낮음 or critical/high/medium/low"),
  cause: text,
  remedy: text,
  command: z.string().nullable(),
  evidence,
});

const rootCause = z.object({
  code: z.string(),
  title: text,
  explanation: text,
  suspects: z.array(text),
  command: z.string().nullable(),
});

const httpExchange = z.object({
  at: kstIso,
  method: z.string(),
  url: z.string().describe("Origin and path only: no query string, token-like path segments masked"),
  status: z.number().int().nullable().describe("null when no answer came (network error, timeout)"),
  ms: count,
  callLimit: z.string().nullable().describe("X-Api-Call-Limit, e.g. 3/40"),
  error: z.string().nullable(),
});

export const reportSchema = z
  .object({
    schemaVersion: z.literal(1),
    tool: z.object({ name: z.literal("cafe24-doctor"), version: z.string() }),
    kind: z.enum(["check", "diagnose"]),
    generatedAt: kstIso,
    lang: z.enum(["ko", "en"]),
    mallId: z.string().nullable(),
    durationMs: count,
    apiCalls: z.object({ spent: count, budget: count }),
    deadline: z.object({ ms: count, hit: z.boolean() }),
    verdict: z.object({
      status: z.enum(["healthy", "warnings", "problems"]),
      exitCode: z
        .union([z.literal(0), z.literal(1), z.literal(2)])
        .describe("0 healthy, 1 warnings, 2 problems"),
    }),
    checks: z
      .array(check)
      .describe(
        "In the fixed order of the checks (the twelve, then Redis for a Redis store), not in completion order",
      ),
    problems: z.array(problem).describe("Every finding, most urgent first"),
    rootCause: rootCause.nullable(),
    http: z.array(httpExchange),
  })
  .meta({ title: "cafe24-doctor comprehensive test report" });

export type DoctorReport = z.infer<typeof reportSchema>;
export type ReportCheck = DoctorReport["checks"][number];
export type Verdict = DoctorReport["verdict"];
