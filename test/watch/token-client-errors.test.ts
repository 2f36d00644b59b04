import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { type Script, scriptedServer } from "../helpers/scripted-server.js";
import { ENDPOINT_SECRET, PHP_CLIENT, probe } from "./token-reader-setup.js";

const CI = process.env.CI === "true";
const python = probe("python3", ["-c", "import sys; assert sys.version_info >= (3, 8)"], "python3 (3.8+)");
const requests = python.ok
  ? probe("python3", ["-c", "import requests"], "python3's `requests` (apt-get install python3-requests)")
  : python;
const php = probe("php", ["--version"], "php");

const example = (path: string) =>
  fileURLToPath(new URL(`../../examples/token-clients/${path}`, import.meta.url));
const clients = [
  {
    name: "Node",
    command: process.execPath,
    script: example("node/cafe24-token-client.mjs"),
    env: {},
    available: { ok: true, reason: "" },
  },
  {
    name: "Python over requests",
    command: "python3",
    script: example("python/cafe24_token_client.py"),
    env: {},
    available: requests,
  },
  {
    name: "Python over urllib",
    command: "python3",
    script: example("python/cafe24_token_client.py"),
    env: { CAFE24_TOKEN_CLIENT_NO_REQUESTS: "1" },
    available: python,
  },
];

const MALL = "shop1";
const FIRST = randomBytes(12).toString("hex");
const SECOND = randomBytes(12).toString("hex");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a client's own entry point (one GET /api/v2/admin/store) with only the given CAFE24_* variables. */
function runClient(client: (typeof clients)[number], env: Record<string, string>): Promise<Run> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("CAFE24_")),
  );
  const child = spawn(client.command, [client.script, MALL], {
    env: { ...inherited, ...client.env, ...env },
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    req.on("data", (chunk) => {
      text += chunk;
    });
    req.on("end", () => resolve(text));
  });
}

const issued = (token: string) => ({
  access_token: token,
  expires_at: "2026-12-03T21:00:00+09:00",
  scopes: ["mall.read_store"],
  mall_id: MALL,
});

/** Both sides on one loopback server: watch's endpoint under /v1, the mall's API under /malls/{mall_id}. */
async function serve(script: Script) {
  const server = await scriptedServer(script);
  onTestFinished(() => server.close());
  const endpoint = server.baseUrlTemplate.replace("/malls/{mall_id}", "");
  return {
    server,
    env: {
      CAFE24_DOCTOR_TOKEN_ENDPOINT: endpoint,
      CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET: ENDPOINT_SECRET,
      CAFE24_BASE_URL: server.baseUrlTemplate,
    },
  };
}

describe("the copy-paste token clients' errors", () => {
  for (const client of clients) {
    // CI runs every client: a machine without python3 (or requests) fails there instead of passing unseen.
    if (!client.available.ok && !CI) {
      console.log(`not running the ${client.name} client: ${client.available.reason}`);
      continue;
    }
    describe(`${client.name}`, () => {
      it("refuses to start without the endpoint secret, naming the variable", async () => {
        expect(client.available.ok, client.available.reason).toBe(true);
        const { server, env } = await serve((_req, res) => json(res, 500, {}));
        const run = await runClient(client, { ...env, CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET: "" });
        expect(run.code).toBe(1);
        expect(run.stderr).toContain("CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET is not set");
        expect(server.requests).toEqual([]);
      });

      it("says the endpoint refused the secret, without printing it", async () => {
        expect(client.available.ok, client.available.reason).toBe(true);
        const { env } = await serve((_req, res) =>
          json(res, 401, { error: "unauthorized", message: "A bearer token is required." }),
        );
        const run = await runClient(client, env);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain(
          "cafe24-doctor watch answered 401 unauthorized for mall 'shop1': check CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET",
        );
        expect(run.stdout + run.stderr).not.toContain(ENDPOINT_SECRET);
      });

      it("passes on the command a person must run when the mall needs a new login", async () => {
        expect(client.available.ok, client.available.reason).toBe(true);
        const { env } = await serve((_req, res) =>
          json(res, 503, { error: "reauth_required", command: "cafe24-doctor token login --mall shop1" }),
        );
        const run = await runClient(client, env);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain("a person must run: cafe24-doctor token login --mall shop1");
      });

      it("names the address and the command to start when watch is not listening", async () => {
        expect(client.available.ok, client.available.reason).toBe(true);
        const { server, env } = await serve((_req, res) => json(res, 500, {}));
        await server.close();
        const run = await runClient(client, env);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain(
          `could not reach cafe24-doctor watch at ${env.CAFE24_DOCTOR_TOKEN_ENDPOINT}`,
        );
        expect(run.stderr).toContain("is `cafe24-doctor watch --token-endpoint` running there?");
      });

      it("reports a token Cafe24 refused once and retries once — never more — and prints no token", async () => {
        expect(client.available.ok, client.available.reason).toBe(true);
        const seen: { path: string; authorization: string; body: string }[] = [];
        const { server, env } = await serve(async (req, res) => {
          const path = new URL(req.url ?? "/", "http://x").pathname;
          seen.push({ path, authorization: req.headers.authorization ?? "", body: await bodyOf(req) });
          if (path.endsWith("/access-token")) json(res, 200, issued(FIRST));
          else if (path.endsWith("/access-token/rejected")) json(res, 200, issued(SECOND));
          else json(res, 401, { error: { code: 401, message: "Invalid access_token" } });
        });
        const run = await runClient(client, env);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain("Cafe24 answered 401");
        expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
          "GET /v1/malls/shop1/access-token",
          "GET /malls/shop1/api/v2/admin/store",
          "POST /v1/malls/shop1/access-token/rejected",
          "GET /malls/shop1/api/v2/admin/store",
        ]);
        expect(seen.map((s) => s.authorization)).toEqual([
          `Bearer ${ENDPOINT_SECRET}`,
          `Bearer ${FIRST}`,
          `Bearer ${ENDPOINT_SECRET}`,
          `Bearer ${SECOND}`,
        ]);
        expect(JSON.parse(seen[2]?.body ?? "")).toEqual({ access_token: FIRST });
        for (const token of [FIRST, SECOND, ENDPOINT_SECRET])
          expect(run.stdout + run.stderr).not.toContain(token);
      });
    });
  }

  // Only syntax-checked, and only where php exists: CI's image has none.
  if (php.ok) {
    it("PHP: the client is valid PHP", () => {
      const lint = spawnSync("php", ["-l", PHP_CLIENT], { encoding: "utf8", timeout: 15_000 });
      expect(lint.stdout + lint.stderr).toContain("No syntax errors detected");
      expect(lint.status).toBe(0);
    });
  } else {
    console.log(`not syntax-checking the PHP token client: ${php.reason}`);
  }
});
