import { Hono } from "hono";
import { z } from "zod";
import { isLoopbackHost } from "../../util/is-loopback-host.js";
import { APP_INSTALL_STATES } from "../app-state/app-install-state.js";
import { Cafe24ApiError } from "../http/cafe24-error.js";
import type { EmulatorEnv } from "../http/env.js";
import { readBodyText } from "../http/read-body.js";
import { errorResponse, jsonResponse } from "../http/respond.js";
import { faultRuleSchema } from "../options.js";
import type { EmulatorControl } from "./emulator-control.js";

const ms = z.strictObject({ ms: z.number().min(0) });
const at = z.strictObject({
  epochMs: z.number().optional(),
  iso: z.iso.datetime({ offset: true }).optional(),
});
const scopes = z.strictObject({ scopes: z.array(z.string()), applyToTokens: z.boolean().optional() });
const version = z.strictObject({ version: z.string() });
const expire = z.strictObject({ kind: z.enum(["access", "refresh"]) });
const issue = z.strictObject({ scopes: z.array(z.string()).optional() });
const rate = z.strictObject({
  capacity: z.number().int().positive().optional(),
  drainPerSec: z.number().positive().optional(),
});
const level = z.strictObject({ level: z.number().min(0) });
const usage = z.strictObject({ callPercent: z.number().min(0), timePercent: z.number().min(0) });
const flag = z.strictObject({ on: z.boolean() });
const appState = z.strictObject({ state: z.enum(APP_INSTALL_STATES) });
const webhook = z.strictObject({ url: z.string().nullable(), secret: z.string().min(1).optional() });

/**
 * Fails closed. The HTTP server always passes the Node request (`incoming`); only an in-process call
 * (`emulator.fetch`, or `handle()` without bindings) has none, and that caller already holds the emulator and
 * its EmulatorControl, so it is trusted. A request that came through a socket is let in only when the socket's
 * peer is known to be loopback: a socket reset mid-flight has no remoteAddress any more, and unknown is not
 * loopback.
 */
function isTrustedCaller(env: EmulatorEnv["Bindings"]): boolean {
  if (env?.incoming === undefined) return true;
  const peer = env.incoming.socket?.remoteAddress;
  return peer !== undefined && isLoopbackHost(peer);
}

/**
 * /__emulator/* — the control API over HTTP, mirroring EmulatorControl. Refuses non-loopback peers even when
 * the emulator itself listens elsewhere: whoever can reach it can mint tokens.
 */
export function controlRoutes(control: EmulatorControl, maxBodyBytes: number): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  app.use("*", async (c, next) => {
    if (!isTrustedCaller(c.env)) {
      return jsonResponse(
        403,
        new Cafe24ApiError(403, "The control API answers loopback clients only.").toBody(),
      );
    }
    await next();
  });
  app.onError((error) =>
    errorResponse(error instanceof z.ZodError ? badInput(error) : asControlError(error)),
  );

  const body = async <T>(c: { req: { raw: Request } }, schema: z.ZodType<T>): Promise<T> => {
    const text = await readBodyText(c.req.raw, maxBodyBytes);
    let value: unknown;
    try {
      value = text.length ? JSON.parse(text) : {};
    } catch {
      throw new Cafe24ApiError(400, "The control request body is not valid JSON.");
    }
    return schema.parse(value);
  };

  app.get("/clock", (c) => c.json({ now: control.now() }));
  app.post("/clock/advance", async (c) => c.json({ now: control.advanceClock((await body(c, ms)).ms) }));
  app.post("/clock/set", async (c) => {
    const { epochMs, iso } = await body(c, at);
    const target = epochMs ?? (iso ? Date.parse(iso) : Number.NaN);
    if (!Number.isFinite(target)) throw new Cafe24ApiError(400, "Give epochMs or iso.");
    return c.json({ now: control.setClock(target) });
  });
  app.post("/clock/freeze", (c) => c.json({ now: control.freezeClock() }));
  app.post("/clock/resume", (c) => c.json({ now: control.resumeClock() }));
  app.put("/faults", async (c) => {
    control.setFaults(await body(c, z.array(faultRuleSchema)));
    return c.json({ ok: true });
  });
  app.delete("/faults", (c) => {
    control.clearFaults();
    return c.json({ ok: true });
  });
  app.put("/auto-approve", async (c) => {
    control.setAutoApprove((await body(c, flag)).on);
    return c.json({ ok: true });
  });
  app.put("/malls/:mall/scopes", async (c) => {
    const input = await body(c, scopes);
    control.setAppScopes(c.req.param("mall"), input.scopes, { applyToTokens: input.applyToTokens ?? true });
    return c.json({ ok: true });
  });
  app.put("/malls/:mall/version", async (c) => {
    control.setAppVersion(c.req.param("mall"), (await body(c, version)).version);
    return c.json({ ok: true });
  });
  app.post("/malls/:mall/revoke-all", (c) => c.json({ revoked: control.revokeAll(c.req.param("mall")) }));
  app.post("/malls/:mall/expire", async (c) => {
    control.expireTokens(c.req.param("mall"), (await body(c, expire)).kind);
    return c.json({ ok: true });
  });
  app.post("/malls/:mall/tokens", async (c) =>
    c.json(control.issueTokens(c.req.param("mall"), await body(c, issue))),
  );
  app.put("/malls/:mall/rate-limit", async (c) => {
    control.setRateLimit(c.req.param("mall"), await body(c, rate));
    return c.json({ ok: true });
  });
  app.post("/malls/:mall/bucket", async (c) => {
    control.fillBucket(c.req.param("mall"), (await body(c, level)).level);
    return c.json({ ok: true });
  });
  app.post("/malls/:mall/usage", async (c) => {
    const input = await body(c, usage);
    control.setUsage(c.req.param("mall"), input.callPercent, input.timePercent);
    return c.json({ ok: true });
  });
  app.post("/malls/:mall/app-state", async (c) => {
    const { webhook: delivery, ...change } = control.setAppState(
      c.req.param("mall"),
      (await body(c, appState)).state,
    );
    return c.json({ ...change, webhook: delivery ? "sending" : "none" });
  });
  app.put("/webhook", async (c) => {
    const input = await body(c, webhook);
    control.setWebhook(input.url ?? undefined, input.secret);
    return c.json({ ok: true });
  });
  app.post("/webhooks/settle", async (c) => {
    await control.webhooksSettled();
    return c.json({ ok: true });
  });
  app.get("/malls/:mall/stats", (c) => c.json(control.stats(c.req.param("mall"))));
  app.get("/stats", (c) => c.json(control.stats()));
  app.post("/reset-stats", (c) => {
    control.resetStats();
    return c.json({ ok: true });
  });
  app.post("/reset", (c) => {
    control.reset();
    return c.json({ ok: true });
  });
  // A mounted sub-app's notFound is not consulted by Hono's route(), so unmatched control paths end here.
  app.all("*", () => jsonResponse(404, new Cafe24ApiError(404, "Unknown control endpoint.").toBody()));
  return app;
}

function badInput(error: z.ZodError): Cafe24ApiError {
  const detail = error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
  return new Cafe24ApiError(400, `Invalid control request: ${detail}`);
}

/** Control methods throw RangeError for unknown malls, scopes or versions: the caller's mistake, so 400. */
function asControlError(error: unknown): unknown {
  return error instanceof RangeError ? new Cafe24ApiError(400, error.message) : error;
}
