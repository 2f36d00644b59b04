import { describe, expect, it, onTestFinished } from "vitest";
import { type CallbackListener, listenForCallback } from "../../src/token/callback-listener.js";
import { localRedirectOf } from "../../src/token/local-redirect.js";
import { freePort } from "./token-cli-kit.js";

const STATE = "state-of-this-login";

/** A listener on a free loopback port whose timeout never comes during a test (closed when it finishes). */
async function listening(): Promise<{ listener: CallbackListener; base: string; foreign: () => number }> {
  const base = `http://127.0.0.1:${await freePort()}/callback`;
  const target = localRedirectOf(base);
  if (!target) throw new Error("not a local redirect");
  let foreign = 0;
  const listener = await listenForCallback(target, {
    expectedState: STATE,
    timeoutMs: 10 * 60_000,
    onForeign: () => {
      foreign += 1;
    },
  });
  onTestFinished(() => listener.close());
  return { listener, base, foreign: () => foreign };
}

async function visit(url: string): Promise<{ status: number; html: string }> {
  const response = await fetch(url);
  return { status: response.status, html: await response.text() };
}

describe("the login's callback listener", () => {
  it("answers a forged ?state=wrong&code=x and a forged ?error=x with 400 and a not-your-login page, then takes the genuine redirect", async () => {
    const { listener, base, foreign } = await listening();
    for (const forged of [`${base}?state=wrong&code=x`, `${base}?error=x`, `${base}?code=x`, base]) {
      const answer = await visit(forged);
      expect(answer.status, forged).toBe(400);
      expect(answer.html).toContain("not from the login you started");
      expect(answer.html).toContain("지금 시작한 로그인에서 온 것이 아니어서");
    }
    expect(foreign()).toBe(4);

    const genuine = `${base}?code=real-code&state=${STATE}`;
    const answer = await visit(genuine);
    expect(answer.status).toBe(200);
    expect(answer.html).toContain("you can close this tab");
    expect(await listener.redirected).toBe(genuine);
  });

  it("ends on the person's refusal when it carries this login's state (error=access_denied), with the failure page", async () => {
    const { listener, base } = await listening();
    const declined = `${base}?error=access_denied&error_description=denied&state=${STATE}`;
    const answer = await visit(declined);
    expect(answer.status).toBe(200);
    expect(answer.html).toContain("see the terminal");
    expect(await listener.redirected).toBe(declined);
  });

  it("answers other paths and methods with 404 without counting them as forged", async () => {
    const { listener, base, foreign } = await listening();
    expect((await fetch(new URL("/favicon.ico", base))).status).toBe(404);
    expect((await fetch(`${base}?code=x&state=${STATE}`, { method: "POST" })).status).toBe(404);
    expect(foreign()).toBe(0);
    const genuine = `${base}?code=c&state=${STATE}`;
    expect((await visit(genuine)).status).toBe(200);
    expect(await listener.redirected).toBe(genuine);
  });
});
