import { describe, expect, it } from "vitest";
import { inProcess, LOCAL, START_MS } from "../helpers/emulator.js";

/** What @hono/node-server passes for a request whose socket was reset mid-flight: a socket with no address. */
const resetSocket = { incoming: { socket: { remoteAddress: undefined } } } as never;

const post = (path: string, body: unknown) =>
  new Request(`${LOCAL}/__emulator${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("the control API fails closed", () => {
  it("refuses a request whose socket has no remoteAddress with 403, and runs nothing", async () => {
    const emulator = inProcess({ controlApi: true });
    const mallId = emulator.malls[0]?.mallId ?? "";

    const advance = await emulator.handle(post("/clock/advance", { ms: 3_600_000 }), resetSocket);
    expect(advance.status).toBe(403);
    expect(emulator.control.now()).toBe(START_MS);

    const mint = await emulator.handle(post(`/malls/${mallId}/tokens`, {}), resetSocket);
    expect(mint.status).toBe(403);
    expect(JSON.stringify(await mint.json())).not.toContain("access_token");
    expect(emulator.control.stats(mallId).liveGrants).toBe(0);
  });

  it("still answers in-process callers, which have no socket at all", async () => {
    const emulator = inProcess({ controlApi: true });
    expect((await emulator.fetch(`${LOCAL}/__emulator/clock`)).status).toBe(200);
    const advanced = await emulator.handle(post("/clock/advance", { ms: 1_000 }));
    expect(advanced.status).toBe(200);
    expect(emulator.control.now()).toBe(START_MS + 1_000);
  });
});
