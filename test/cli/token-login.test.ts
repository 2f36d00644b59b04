import { spawn } from "node:child_process";
import { request } from "node:https";
import { describe, expect, it, onTestFinished } from "vitest";
import { CLI } from "../helpers/run-cli.js";
import { DURABLE_REDIS, type Stores, storeKinds, useStores } from "../helpers/stores.js";
import {
  approveConsent,
  authorizeUrlIn,
  expectCleanOutput,
  freePort,
  type TokenProject,
  tokenProject,
} from "../token/token-cli-kit.js";

interface Login {
  url: Promise<string>;
  exited: Promise<number | null>;
  running(): boolean;
  output(): { stdout: string; stderr: string };
  /** What a person pastes at the prompt (a child's stdin: over a token file only). */
  paste(text: string): void;
}

/**
 * Starts `token login`, resolving `url` once it has printed the authorize URL (its listener is up then): the
 * built CLI as a child over a token file, in-process through `storeFor` over another store.
 */
function startLogin(p: TokenProject, args: string[] = []): Login {
  const argv = ["token", "login", "--no-browser", "--timeout", "30", ...args];
  let stdout = "";
  let stderr = "";
  let printedUrl: (url: string) => void = () => {};
  let ended: (error: Error) => void = () => {};
  const url = new Promise<string>((resolve, reject) => {
    printedUrl = resolve;
    ended = reject;
  });
  // A login that ends first rejects `url`; a test that never asks for the URL must not see that as unhandled.
  url.catch(() => {});
  const onOut = (text: string) => {
    stdout += text;
    if (/\/oauth\/authorize\?.*\n/.test(stdout)) printedUrl(authorizeUrlIn(stdout));
  };
  const onErr = (text: string) => {
    stderr += text;
  };
  const output = () => ({ stdout, stderr });

  if (p.kind !== "file") {
    let running = true;
    const exited = p
      .inProcess(argv, { out: (line) => onOut(`${line}\n`), err: (line) => onErr(`${line}\n`) })
      .then((result) => result.code)
      .finally(() => {
        running = false;
        ended(new Error(`ended before printing the URL: ${stderr}`));
      });
    return {
      url,
      exited,
      running: () => running,
      output,
      paste: () => {
        throw new Error("an in-process login reads no stdin of its own");
      },
    };
  }
  const child = spawn(process.execPath, [CLI, ...argv], { env: { ...process.env, ...p.env }, cwd: p.dir });
  onTestFinished(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  child.stderr.on("data", (d) => onErr(String(d)));
  child.stdout.on("data", (d) => onOut(String(d)));
  child.once("close", () => ended(new Error(`exited before printing the URL: ${stderr}`)));
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  return {
    url,
    exited,
    running: () => child.exitCode === null,
    output,
    paste: (text) => child.stdin.end(text),
  };
}

/** GET over https to a self-signed listener, as a browser does after the user accepts the warning. */
function insecureGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { rejectUnauthorized: false }, (res) => {
      let body = "";
      res.on("data", (d) => {
        body += d;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on("error", reject)
      .end();
  });
}

/** Over a token file: the built CLI in child processes. Over Redis: in-process through `storeFor`. */
for (const { kind, unavailable } of storeKinds(["file", "redis"], "token login over Redis")) {
  describe.skipIf(unavailable)(`over a ${kind} store`, () => {
    tokenLogin(useStores(kind, DURABLE_REDIS));
  });
}

function tokenLogin(stores: Stores) {
  describe("cafe24-doctor token login", () => {
    it("catches the real redirect on a local http listener, answers the browser, stores and verifies the token", async () => {
      const port = await freePort();
      const p = await tokenProject({ redirectUri: `http://127.0.0.1:${port}/callback` }, stores);
      const login = startLogin(p);
      const location = await approveConsent(await login.url);
      expect(location.startsWith(`http://127.0.0.1:${port}/callback?`)).toBe(true);
      const page = await fetch(location);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("you can close this tab");
      expect(html).toContain("닫아도 됩니다");
      expect(await login.exited).toBe(0);
      const { stdout, stderr } = login.output();
      expect(stdout).toContain("Authorized mall tokenmall");
      expect(stdout).toContain("accepted");
      expect(stderr).toContain(`Waiting for the redirect to http://127.0.0.1:${port}/callback`);
      expect(p.emu.control.stats().grants.authorization_code).toBe(1);
      const status = await p.cli(["token", "status", "--verify"]);
      expect(status.code, status.stdout).toBe(0);
      expectCleanOutput({ code: 0, stdout, stderr }, p.secrets());
    });

    it("serves an https redirect URI with a generated self-signed certificate and warns about it", async () => {
      const port = await freePort();
      const p = await tokenProject({ redirectUri: `https://localhost:${port}/oauth/back` }, stores);
      const login = startLogin(p);
      const location = await approveConsent(await login.url);
      const page = await insecureGet(location.replace("localhost", "127.0.0.1"));
      expect(page.status).toBe(200);
      expect(page.body).toContain("you can close this tab");
      expect(await login.exited).toBe(0);
      expect(login.output().stderr).toContain("certificate warning");
      expect(await p.readToken()).toBeDefined();
    });

    it("answers forged requests (another state, a bare error) with a not-your-login page and keeps waiting for the genuine redirect", async () => {
      const port = await freePort();
      const p = await tokenProject({ redirectUri: `http://127.0.0.1:${port}/callback` }, stores);
      const login = startLogin(p);
      const authorizeUrl = await login.url;
      expect((await fetch(`http://127.0.0.1:${port}/favicon.ico`)).status).toBe(404);
      for (const query of ["state=someone-else&code=forged-code", "error=x"]) {
        const forged = await fetch(`http://127.0.0.1:${port}/callback?${query}`);
        expect(forged.status, query).toBe(400);
        expect(await forged.text()).toContain("not from the login you started");
      }
      expect(login.running()).toBe(true);
      const page = await fetch(await approveConsent(authorizeUrl));
      expect(await page.text()).toContain("you can close this tab");
      expect(await login.exited).toBe(0);
      const { stderr } = login.output();
      expect(stderr.match(/Ignored a request to http:\/\/127\.0\.0\.1:\d+\/callback/g)).toHaveLength(2);
      expect(p.emu.control.stats().grants.authorization_code).toBe(1);
      expect(await p.readToken()).toBeDefined();
    });

    it("ends with exit 2 and Cafe24's words when the person declines (error=access_denied with this login's state)", async () => {
      const port = await freePort();
      const p = await tokenProject({ redirectUri: `http://127.0.0.1:${port}/callback` }, stores);
      const login = startLogin(p);
      const state = new URL(await login.url).searchParams.get("state");
      const page = await fetch(`http://127.0.0.1:${port}/callback?error=access_denied&state=${state}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("see the terminal");
      expect(await login.exited).toBe(2);
      expect(login.output().stderr).toContain("access_denied");
      expect(p.emu.control.stats().grants.authorization_code).toBe(0);
      expect(await p.readToken()).toBeUndefined();
    });

    // The pasted URL arrives on the process's stdin: a child's, so over a token file only (registered only there:
    // a skipped test would read as a skip in CI's count).
    if (stores.kind === "file")
      it("reads the pasted redirected URL when the redirect URI is not on this machine", async () => {
        const p = await tokenProject({ redirectUri: "https://myapp.example.com/oauth/callback" }, stores);
        const login = startLogin(p);
        const location = await approveConsent(await login.url);
        expect(location.startsWith("https://myapp.example.com/oauth/callback?code=")).toBe(true);
        login.paste(`${location}\n`);
        expect(await login.exited).toBe(0);
        expect(login.output().stderr).toContain("paste the whole address");
        expect(await p.readToken()).toBeDefined();
      });

    it("gives up after --timeout with exit 2 and the command to retry", async () => {
      const port = await freePort();
      const p = await tokenProject({ redirectUri: `http://127.0.0.1:${port}/callback` }, stores);
      const result = await p.cli(["token", "login", "--no-browser", "--timeout", "1"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("No authorization arrived within 1 s");
      expect(result.stderr).toContain("cafe24-doctor token login");
    });
  });
}
