import type { EmulatorContext } from "../context.js";
import type { MallData } from "../data/types.js";
import type { MallState } from "../state/mall.js";

/** What an Admin API handler sees: the mall, its data, the parsed request, the emulator's clock. */
export interface AdminRequest {
  ctx: EmulatorContext;
  mall: MallState;
  data: MallData;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body for POST/PUT, already checked for Content-Type and size. */
  body: unknown;
  now: number;
  /** The API version the call runs as. */
  version: string;
}

/** Either a value to serialise, or JSON already serialised (the hot list paths build strings directly). */
export type AdminResponse = { status?: number; body: unknown } | { status?: number; json: string };

export interface AdminRoute {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path after /api/v2/admin, Hono syntax: "/products/:product_no". */
  path: string;
  handle(req: AdminRequest): AdminResponse;
}
