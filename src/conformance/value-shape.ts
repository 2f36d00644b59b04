import type { Shape } from "./recording.js";

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:([T ])(\d{2}):(\d{2})(?::(\d{2}))?(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A string's format, never its content. Dates become their pattern (`YYYY-MM-DDTHH:mm:ss+09:00`, the offset
 * kept: it is the format, not the instant); everything else one word.
 */
export function stringFormat(value: string): string {
  if (value === "") return "empty";
  const date = DATE_TIME.exec(value);
  if (date) {
    const [, , , , sep, , , seconds, fraction, zone] = date;
    let format = "YYYY-MM-DD";
    if (sep !== undefined) format += `${sep}HH:mm${seconds === undefined ? "" : ":ss"}`;
    if (fraction !== undefined) format += `.${"S".repeat(fraction.length)}`;
    return format + (zone ?? "");
  }
  if (/^[TF]$/.test(value)) return "T|F";
  if (/^-?\d+$/.test(value)) return "integer-string";
  if (/^-?\d+\.\d+$/.test(value)) return "decimal-string";
  if (/^https?:\/\//i.test(value)) return "url";
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return "email";
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return "uuid";
  return "text";
}

/** The shape of a parsed JSON value. `redactKey` names keys that are themselves data (a mall id as a key). */
export function shapeOf(value: unknown, redactKey: (key: string) => boolean = () => false): Shape {
  if (value === null || value === undefined) return { type: "null" };
  if (typeof value === "boolean") return { type: "boolean" };
  if (typeof value === "number") return { type: Number.isInteger(value) ? "integer" : "number" };
  if (typeof value === "string") return { type: "string", format: stringFormat(value) };
  if (Array.isArray(value)) {
    let items: Shape | null = null;
    for (const item of value) {
      const shape = shapeOf(item, redactKey);
      items = items === null ? shape : mergeShapes(items, shape);
    }
    return { type: "array", items };
  }
  const keys: Record<string, Shape> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const name = redactKey(key) ? "<redacted-key>" : key;
    const shape = shapeOf(item, redactKey);
    keys[name] = keys[name] === undefined ? shape : mergeShapes(keys[name], shape);
  }
  return { type: "object", keys: sortedKeys(keys) };
}

/** The union of two shapes: objects by key, arrays by item; different kinds side by side. */
export function mergeShapes(a: Shape, b: Shape): Shape {
  if (a.type === "union" || b.type === "union") return union([...members(a), ...members(b)]);
  if (a.type === "object" && b.type === "object") {
    const keys: Record<string, Shape> = { ...a.keys };
    for (const [key, shape] of Object.entries(b.keys)) {
      const mine = keys[key];
      keys[key] = mine === undefined ? shape : mergeShapes(mine, shape);
    }
    return { type: "object", keys: sortedKeys(keys) };
  }
  if (a.type === "array" && b.type === "array") {
    if (a.items === null) return b;
    if (b.items === null) return a;
    return { type: "array", items: mergeShapes(a.items, b.items) };
  }
  if (sameKind(a, b)) return a;
  return union([a, b]);
}

/** A shape's members: itself, or the members of a union. */
export function members(shape: Shape): Shape[] {
  return shape.type === "union" ? shape.of : [shape];
}

/** The label that decides whether two shapes can be merged: the type, and a string's format. */
export function kindOf(shape: Shape): string {
  return shape.type === "string" ? `string:${shape.format}` : shape.type;
}

function sameKind(a: Shape, b: Shape): boolean {
  return kindOf(a) === kindOf(b);
}

function union(shapes: Shape[]): Shape {
  const byKind = new Map<string, Shape>();
  for (const shape of shapes) {
    const kind = kindOf(shape);
    const seen = byKind.get(kind);
    byKind.set(kind, seen === undefined ? shape : mergeShapes(seen, shape));
  }
  const of = [...byKind.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([, shape]) => shape);
  return of.length === 1 ? (of[0] as Shape) : { type: "union", of };
}

function sortedKeys(keys: Record<string, Shape>): Record<string, Shape> {
  return Object.fromEntries(Object.entries(keys).sort(([x], [y]) => x.localeCompare(y)));
}
