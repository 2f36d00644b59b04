/**
 * Check 8 — data APIs: the reads an app's "no data" complaint is about — store, products (count and a one-item
 * sample), today's orders (the KST calendar day, Cafe24's), categories. At most five calls, made concurrently,
 * and only for scopes the token holds: a scope check 7 found unusable is deferred to it, not re-probed.
 * Shows counts, the shop name and one product_no — never customer or order personal data.
 * A 429 is check 9's and a 400 refusing the API version check 10's: those reads fail here without a finding
 * (when the version refused them all, the check is skipped, pointing at check 10).
 * An empty list or a zero count is "ok, zero items": a mall with no orders today is not broken.
 * Finding codes and messages: src/i18n/doctor/checks/data-apis.ts.
 */
import { formatKstDate } from "../../cafe24/kst.js";
import type { CheckDefinition, DoctorContext } from "../context.js";
import type { DoctorApi } from "../doctor-api.js";
import { factsOf } from "../facts.js";
import type { CheckOutcome, EvidenceValue, FindingCodeOf } from "../types.js";
import { apiGate, skippedByGate } from "./api-gate.js";
import { type ErrorResult, findingsFor, type ItemResult, statusOf } from "./data-findings.js";
import { DATA_ITEMS, type DataItem } from "./data-items.js";
import { readDataAnswer } from "./read-data-answer.js";
import type { ScopeCoverageFacts } from "./scope-coverage.js";

/** One call per item: the most this check spends. */
export const MAX_DATA_CALLS = DATA_ITEMS.length;

export const dataApisCheck: CheckDefinition<"data-apis"> = {
  id: "data-apis",
  dependsOn: ["token-store", "network", "authentication", "scope-coverage"],
  async run(ctx, deps) {
    const gate = apiGate(ctx, deps);
    if (!gate.open) return skippedByGate("data-apis", gate);
    const granted = factsOf(deps, "token-store")?.token?.scopes ?? [];
    const unavailable = (deps["scope-coverage"]?.facts as ScopeCoverageFacts | undefined)?.unavailable ?? [];
    const today = formatKstDate(ctx.now());
    const results = await Promise.all(
      // The quick diagnosis makes one data call (the product count); the full check reads every item.
      (ctx.mode === "quick" ? DATA_ITEMS.filter((item) => item.name === "products") : DATA_ITEMS).map(
        (item): Promise<ItemResult> | ItemResult => {
          if (unavailable.includes(item.scope)) return { item, state: "deferred" };
          // No scopes listed (a legacy env token) means unknown: then try.
          if (granted.length > 0 && !granted.includes(item.scope)) return { item, state: "notGranted" };
          return readItem(gate.api, item, today, ctx);
        },
      ),
    );
    return outcome(results, today);
  },
};

async function readItem(
  api: DoctorApi,
  item: DataItem,
  today: string,
  ctx: DoctorContext,
): Promise<ItemResult> {
  const { path, query } = item.request(today);
  const reading = readDataAnswer(await api.get(path, { signal: ctx.signal, ...(query ? { query } : {}) }));
  if (reading.kind !== "answered") return { item, state: "error", path, reading };
  const read = item.read(reading.data, today);
  if (!read) {
    const message = "the answer lacks the documented fields";
    return {
      item,
      state: "error",
      path,
      reading: { kind: "failed", status: "CAFE24_BAD_RESPONSE", message },
    };
  }
  return { item, state: "read", ...read };
}

function outcome(results: ItemResult[], today: string): CheckOutcome<FindingCodeOf<"data-apis">> {
  const evidence: Record<string, EvidenceValue> = {};
  for (const r of results) {
    if (r.state === "read") Object.assign(evidence, r.evidence);
    else if (r.state === "error") evidence[`${r.item.name}.status`] = statusOf(r.reading);
    else evidence[`${r.item.name}.status`] = r.state;
  }
  const errors = results.filter((r): r is ErrorResult => r.state === "error");
  const findings = findingsFor(errors);
  // Every read refused for its API version: nothing about the data is known, and check 10 names the cause.
  const refused = errors.flatMap((r) => (r.reading.kind === "versionRefused" ? [r.reading.version] : []));
  if (refused.length > 0 && refused.length === errors.length && !results.some((r) => r.state === "read")) {
    return {
      status: "skipped",
      summary: { key: "check.data-apis.skipped.versionRefused", params: { version: refused[0] ?? "–" } },
      evidence,
      findings,
    };
  }
  // A read deferred to check 7 fails this check only beside a failure of its own: alone, check 7's finding
  // says why, and a failing check here would be one without a finding.
  const failedHere = results.some((r) => r.state === "error" && isFailure(r.reading));
  const failed = results.filter(
    (r) => (failedHere && r.state === "deferred") || (r.state === "error" && isFailure(r.reading)),
  );
  const deferred = results.filter((r) => r.state === "deferred");
  const show = (value: EvidenceValue | undefined) => (typeof value === "number" ? value : "–");
  const counts = {
    shop: typeof evidence.shopName === "string" ? evidence.shopName : "–",
    products: show(evidence.products),
    orders: show(evidence.ordersToday),
    categories: show(evidence.categories),
    date: today,
  };
  if (failed.length > 0) {
    const items = failed.map(
      (r) => `${r.item.name} (${r.state === "error" ? statusOf(r.reading) : r.item.scope})`,
    );
    return {
      status: "fail",
      summary: { key: "check.data-apis.summary.failed", params: { items: items.join(", ") } },
      evidence,
      findings,
    };
  }
  if (errors.length > 0 || deferred.length > 0) {
    const items = [
      ...deferred.map((r) => `${r.item.name} (${r.item.scope})`),
      ...errors.map((r) => `${r.item.name} (${statusOf(r.reading)})`),
    ].join(", ");
    return {
      status: "warn",
      summary: { key: "check.data-apis.summary.incomplete", params: { items } },
      evidence,
      findings,
    };
  }
  const read = results.filter((r) => r.state === "read");
  if (read.length === 0)
    return { status: "skipped", summary: { key: "check.data-apis.skipped.noScopes" }, evidence, findings };
  const zero = read.filter((r) => r.zero).map((r) => r.item.name);
  if (zero.length > 0) {
    evidence.zeroItems = zero;
    return {
      status: "ok",
      summary: { key: "check.data-apis.summary.zero", params: { ...counts, items: zero.join(", ") } },
      evidence,
      findings,
    };
  }
  // The quick diagnosis reads only the product count; a summary of the other items would be all dashes.
  const key =
    read.length === 1 && read[0]?.item.name === "products"
      ? "check.data-apis.summary.quick"
      : "check.data-apis.summary.ok";
  return { status: "ok", summary: { key, params: counts }, evidence, findings };
}

/** A 429 is the rate-limit check's, and a call held back says nothing of the data: incomplete, not broken. */
function isFailure(reading: ErrorResult["reading"]): boolean {
  return reading.kind !== "rateLimited" && reading.kind !== "notSent";
}
