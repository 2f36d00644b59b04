import type { IncomingMessage } from "node:http";
import type { MallState } from "../state/mall.js";

/** Hono bindings: @hono/node-server passes the raw Node request as `incoming` (absent in-process). */
export interface EmulatorEnv {
  Bindings: { incoming?: IncomingMessage } | undefined;
  Variables: {
    mall: MallState;
    /** Request body text, read once under the size cap. */
    bodyText: string;
    /** The API version an Admin call runs as. */
    apiVersion: string;
  };
}
