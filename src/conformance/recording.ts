import { z } from "zod";

/**
 * The shape of a JSON value, never the value: scalar types, string formats (dates spelled as patterns such as
 * `YYYY-MM-DDTHH:mm:ss+09:00`), object key sets and, for arrays, the union of their items' shapes.
 */
export type Shape =
  | { type: "null" | "boolean" | "integer" | "number" }
  | { type: "string"; format: string }
  | { type: "array"; items: Shape | null }
  | { type: "object"; keys: Record<string, Shape> }
  | { type: "union"; of: Shape[] };

export const shapeSchema: z.ZodType<Shape> = z.lazy(() =>
  z.union([
    z.strictObject({ type: z.enum(["null", "boolean", "integer", "number"]) }),
    z.strictObject({ type: z.literal("string"), format: z.string() }),
    z.strictObject({ type: z.literal("array"), items: shapeSchema.nullable() }),
    z.strictObject({ type: z.literal("object"), keys: z.record(z.string(), shapeSchema) }),
    z.strictObject({ type: z.literal("union"), of: z.array(shapeSchema) }),
  ]),
);

/** How one probe was answered: status, Cafe24's error words (normalised), header formats and the body's shape. */
export const probeResultSchema = z.strictObject({
  id: z.string(),
  /** What was asked, as a template: `GET /api/v2/admin/orders?start_date={today-6d}…` (no mall, no value). */
  request: z.string(),
  /** HTTP status; null when the request never got an answer (network error). */
  status: z.number().int().nullable(),
  /** Cafe24's error `code` (a number on Admin, a word such as `invalid_grant` on OAuth) and its message. */
  error: z
    .strictObject({ code: z.union([z.string(), z.number()]).nullable(), message: z.string().nullable() })
    .nullable(),
  /** Lower-case header name → value format (`n/n`, `http-date`, `decimal`, `media:application/json`, …). */
  headers: z.record(z.string(), z.string()),
  bodyKind: z.enum(["json", "html", "text", "empty"]),
  /** The JSON body's shape; null for any other body. */
  body: shapeSchema.nullable(),
});
export type ProbeResult = z.output<typeof probeResultSchema>;

export const recordingSchema = z.strictObject({
  schemaVersion: z.literal(1),
  tool: z.strictObject({ name: z.literal("cafe24-doctor"), version: z.string() }),
  target: z.strictObject({
    kind: z.enum(["emulator", "cafe24"]),
    /** The API host with the mall id and port replaced: `https://{mall_id}.cafe24api.com`. */
    host: z.string(),
  }),
  /** The X-Cafe24-Api-Version sent with ordinary probes; null when the app's own version applied. */
  apiVersion: z.string().nullable(),
  /** KST, `YYYY-MM-DDTHH:mm:ss+09:00`. */
  recordedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/),
  /** False when the run stopped early (a 429: the kit never pushes a mall's rate limit). */
  complete: z.boolean(),
  probes: z.array(probeResultSchema),
});
export type Recording = z.output<typeof recordingSchema>;

export const RECORDING_SCHEMA_VERSION = 1;
