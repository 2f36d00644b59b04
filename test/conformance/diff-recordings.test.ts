import { describe, expect, it } from "vitest";
import { type Divergence, diffRecordings } from "../../src/conformance/diff-recordings.js";
import type { Recording, Shape } from "../../src/conformance/recording.js";
import { renderDiff } from "../../src/conformance/render-conformance.js";
import type { EmulatorOptionsInput } from "../../src/emulator/options.js";
import { createTranslator } from "../../src/i18n/translate.js";
import { OBSERVED, recordEmulator } from "./conformance-kit.js";

const pick = (divergences: Divergence[], probe: string) =>
  divergences.filter((d) => d.probe === probe).map(({ kind, at, a, b }) => ({ kind, at, a, b }));

async function divergencesFrom(options: EmulatorOptionsInput): Promise<Divergence[]> {
  const a = await recordEmulator(OBSERVED);
  const b = await recordEmulator(options);
  return diffRecordings(a.recording, b.recording);
}

describe("conformance diff between emulator configurations", () => {
  it("finds nothing between two runs of the same configuration", async () => {
    expect(await divergencesFrom(OBSERVED)).toEqual([]);
  });

  it("reports an expired version refused (strict 400) where the reference falls back silently", async () => {
    const divergences = await divergencesFrom({ ...OBSERVED, versions: { expired: "error" } });
    expect(new Set(divergences.map((d) => d.probe))).toEqual(new Set(["version.old"]));
    expect(pick(divergences, "version.old")).toEqual(
      expect.arrayContaining([
        { kind: "status", at: "", a: "200", b: "400" },
        { kind: "error-code", at: "", a: "none", b: "400" },
        { kind: "error-message", at: "", a: "none", b: expect.stringContaining("has expired") },
        { kind: "key-missing", at: "$.shops", a: "present", b: "absent" },
        { kind: "key-extra", at: "$.error", a: "absent", b: "present" },
      ]),
    );
  });

  it("reports the other error word for a wrong client secret (invalid_client)", async () => {
    const divergences = await divergencesFrom({
      ...OBSERVED,
      oauth: { ...OBSERVED.oauth, wrongSecretError: "invalid_client" },
    });
    expect(divergences).toEqual([
      { probe: "token.wrong-secret", kind: "error-code", at: "", a: "invalid_grant", b: "invalid_client" },
    ]);
  });

  it("reports the legacy refresh refusal (400 instead of 401) on both refresh-token probes", async () => {
    const divergences = await divergencesFrom({
      ...OBSERVED,
      oauth: { ...OBSERVED.oauth, refreshErrorShape: "legacy" },
    });
    expect(divergences.filter((d) => d.kind === "status")).toEqual([
      { probe: "token.unknown-refresh-token", kind: "status", at: "", a: "401", b: "400" },
      { probe: "token.malformed-refresh-token", kind: "status", at: "", a: "401", b: "400" },
    ]);
  });

  it("reports the usage headers missing on every metered answer when the usage quota is off", async () => {
    const divergences = await divergencesFrom({ ...OBSERVED, usage: { enabled: false } });
    expect(new Set(divergences.map((d) => `${d.kind} ${d.at}`))).toEqual(
      new Set(["header-missing x-cafe24-call-usage", "header-missing x-cafe24-time-usage"]),
    );
    expect(pick(divergences, "store")).toHaveLength(2);
  });

  it("reports X-Api-Call-Limit missing when the emulator's rate limit is off", async () => {
    const divergences = await divergencesFrom({ ...OBSERVED, rateLimit: { enabled: false } });
    expect(pick(divergences, "products.limit-1")).toEqual([
      { kind: "header-missing", at: "x-api-call-limit", a: "n/n", b: "absent" },
    ]);
  });
});

describe("conformance diff of shapes", () => {
  const product = (keys: Record<string, Shape>): Shape => ({
    type: "object",
    keys: { products: { type: "array", items: { type: "object", keys } } },
  });
  const recording = (body: Shape, headers: Record<string, string> = {}): Recording => ({
    schemaVersion: 1,
    tool: { name: "cafe24-doctor", version: "0.0.0" },
    target: { kind: "cafe24", host: "https://{mall_id}.cafe24api.com" },
    apiVersion: null,
    recordedAt: "2026-11-27T20:41:00+09:00",
    complete: true,
    probes: [
      { id: "products.limit-1", request: "GET", status: 200, error: null, headers, bodyKind: "json", body },
    ],
  });
  const date = (format: string): Shape => ({ type: "string", format });

  it("names a missing key, an extra key, a changed type and a changed date format by their JSON path", () => {
    const a = recording(
      product({
        created_date: date("YYYY-MM-DDTHH:mm:ss+09:00"),
        price: date("decimal-string"),
        gone: { type: "integer" },
      }),
    );
    const b = recording(
      product({
        created_date: date("YYYY-MM-DD HH:mm:ss"),
        price: { type: "number" },
        added: { type: "boolean" },
      }),
    );
    expect(diffRecordings(a, b).map(({ kind, at }) => `${kind} ${at}`)).toEqual([
      "key-extra $.products[].added",
      "date-format $.products[].created_date",
      "key-missing $.products[].gone",
      "type $.products[].price",
    ]);
  });

  it("reports a header present on one side only and a header whose format differs", () => {
    const body: Shape = { type: "object", keys: {} };
    const a = recording(body, { "x-api-call-limit": "n/n", "x-cafe24-call-usage": "decimal" });
    const b = recording(body, {
      "x-api-call-limit": "integer",
      date: "http-date",
      "x-emulator-served-version": "YYYY-MM-DD",
    });
    expect(diffRecordings(a, b).map(({ kind, at }) => `${kind} ${at}`)).toEqual([
      "header-extra date",
      "header-format x-api-call-limit",
      "header-missing x-cafe24-call-usage",
    ]);
  });

  it("does not call a null or an empty value a divergence: that is the mall's data, not Cafe24's format", () => {
    const a = recording(product({ memo: { type: "null" }, tags: { type: "array", items: null } }));
    const b = recording(product({ memo: date("text"), tags: { type: "array", items: date("text") } }));
    expect(diffRecordings(a, b)).toEqual([]);
  });

  it("lists a probe recorded on one side only", () => {
    const a = recording({ type: "object", keys: {} });
    const b: Recording = { ...a, probes: [] };
    expect(diffRecordings(a, b)).toEqual([
      { probe: "products.limit-1", kind: "probe-missing", at: "", a: "recorded", b: "absent" },
    ]);
  });

  it("renders every divergence in Korean and English with the count", () => {
    const a = recording(product({ gone: { type: "integer" } }));
    const b = recording(product({}));
    const divergences = diffRecordings(a, b);
    expect(renderDiff(a, b, divergences, createTranslator("en")).join("\n")).toContain(
      "key missing in B $.products[].gone: A present · B absent",
    );
    const ko = renderDiff(a, b, divergences, createTranslator("ko")).join("\n");
    expect(ko).toContain("B에 없는 키 $.products[].gone");
    expect(ko).toContain("프로브 1개에서 차이 1건.");
  });
});
