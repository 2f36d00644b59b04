import type { ProbeResult, Recording, Shape } from "./recording.js";
import { kindOf, members } from "./value-shape.js";

/** One way two recordings part: which probe, where (a JSON path or header name), and both sides' values. */
export interface Divergence {
  probe: string;
  kind:
    | "probe-missing"
    | "status"
    | "error-code"
    | "error-message"
    | "body-kind"
    | "key-missing"
    | "key-extra"
    | "type"
    | "format"
    | "date-format"
    | "header-missing"
    | "header-extra"
    | "header-format";
  /** `$.products[].created_date` or a header name; empty for the probe as a whole. */
  at: string;
  a: string;
  b: string;
}

/**
 * Headers only the emulator sends to let tests see what it did (`X-Emulator-Served-Version`): never a
 * divergence from Cafe24, which cannot send them.
 */
const DIAGNOSTIC_HEADER = /^x-emulator-/;

/** Every divergence of B from A, probe by probe in A's order (then probes only B has). */
export function diffRecordings(a: Recording, b: Recording): Divergence[] {
  const out: Divergence[] = [];
  const inB = new Map(b.probes.map((p) => [p.id, p]));
  const inA = new Set(a.probes.map((p) => p.id));
  for (const probe of a.probes) {
    const other = inB.get(probe.id);
    if (other) diffProbe(probe, other, out);
    else out.push({ probe: probe.id, kind: "probe-missing", at: "", a: "recorded", b: "absent" });
  }
  for (const probe of b.probes) {
    if (!inA.has(probe.id))
      out.push({ probe: probe.id, kind: "probe-missing", at: "", a: "absent", b: "recorded" });
  }
  return out;
}

const show = (value: unknown) => (value === null || value === undefined ? "none" : String(value));

function diffProbe(a: ProbeResult, b: ProbeResult, out: Divergence[]): void {
  const push = (kind: Divergence["kind"], at: string, x: unknown, y: unknown) =>
    out.push({ probe: a.id, kind, at, a: show(x), b: show(y) });
  if (a.status !== b.status) push("status", "", a.status, b.status);
  if (show(a.error?.code) !== show(b.error?.code)) push("error-code", "", a.error?.code, b.error?.code);
  if (show(a.error?.message) !== show(b.error?.message))
    push("error-message", "", a.error?.message, b.error?.message);
  const names = [...new Set([...Object.keys(a.headers), ...Object.keys(b.headers)])].sort();
  for (const name of names) {
    if (DIAGNOSTIC_HEADER.test(name)) continue;
    const x = a.headers[name];
    const y = b.headers[name];
    if (y === undefined) push("header-missing", name, x, "absent");
    else if (x === undefined) push("header-extra", name, "absent", y);
    else if (x !== y) push("header-format", name, x, y);
  }
  if (a.bodyKind !== b.bodyKind) push("body-kind", "", a.bodyKind, b.bodyKind);
  else if (a.body && b.body) diffShape(a.body, b.body, "$", push);
}

type Push = (kind: Divergence["kind"], at: string, a: unknown, b: unknown) => void;

const isDate = (format: string) => format.startsWith("YYYY");

/**
 * Compares two shapes. `null` and the empty string are wildcards: whether a field is null or empty in a sample
 * is the mall's data, not Cafe24's format. An empty array says nothing about its items either.
 */
function diffShape(a: Shape, b: Shape, at: string, push: Push): void {
  const x = members(a).filter(informative);
  const y = members(b).filter(informative);
  if (x.length === 0 || y.length === 0) return;
  if (x.length === 1 && y.length === 1) {
    diffSingle(x[0] as Shape, y[0] as Shape, at, push);
    return;
  }
  const kx = x.map(kindOf).sort();
  const ky = y.map(kindOf).sort();
  if (kx.join("|") !== ky.join("|")) {
    push("type", at, kx.join(" | "), ky.join(" | "));
    return;
  }
  for (const [i, shape] of x.entries()) diffSingle(shape, y[i] as Shape, at, push);
}

function informative(shape: Shape): boolean {
  return shape.type !== "null" && !(shape.type === "string" && shape.format === "empty");
}

function diffSingle(a: Shape, b: Shape, at: string, push: Push): void {
  if (a.type === "string" && b.type === "string") {
    if (a.format !== b.format)
      push(isDate(a.format) || isDate(b.format) ? "date-format" : "format", at, a.format, b.format);
    return;
  }
  if (a.type !== b.type) {
    push("type", at, kindOf(a), kindOf(b));
    return;
  }
  if (a.type === "array" && b.type === "array") {
    if (a.items && b.items) diffShape(a.items, b.items, `${at}[]`, push);
    return;
  }
  if (a.type === "object" && b.type === "object") {
    const keys = [...new Set([...Object.keys(a.keys), ...Object.keys(b.keys)])].sort();
    for (const key of keys) {
      const x = a.keys[key];
      const y = b.keys[key];
      const path = `${at}.${key}`;
      if (y === undefined) push("key-missing", path, "present", "absent");
      else if (x === undefined) push("key-extra", path, "absent", "present");
      else diffShape(x, y, path, push);
    }
  }
}
