import { createServer, type Server, type Socket } from "node:net";
import { describe, expect, it, onTestFinished } from "vitest";
import { PROBE_TIMEOUT_MS } from "../../../src/doctor/checks/network.js";
import { factsOf } from "../../../src/doctor/facts.js";
import { START_MS } from "../../helpers/emulator.js";
import { expectNoSecrets, findingOf, runCheck, type Scenario, scenario } from "./context-helper.js";

async function network(s: Scenario) {
  const result = await runCheck(s.ctx, "network");
  expectNoSecrets([result], s.secrets);
  return result;
}

const dnsError = (code: string) => Object.assign(new Error(`getaddrinfo ${code}`), { code });

/** A TCP server that accepts connections and never says a word: a black-holed host. */
async function blackHole(onConnection: (socket: Socket) => void = () => {}): Promise<number> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    onConnection(socket);
  });
  await listen(server);
  onTestFinished(() => {
    for (const socket of sockets) socket.destroy();
    server.close();
  });
  return (server.address() as { port: number }).port;
}

/** A port nothing listens on (bound once, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await listen(server);
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
}

describe("network check", () => {
  it("reaches the mall's API host with one plain request, spending no API call", async () => {
    const lookups: string[] = [];
    const s = await scenario({
      lookup: async (host) => {
        lookups.push(host);
        return { address: "127.0.0.1", family: 4 };
      },
    });
    const result = await network(s);
    expect(result.status).toBe("ok");
    expect(result.findings).toEqual([]);
    expect(result.evidence).toMatchObject({ host: "127.0.0.1", address: "127.0.0.1", status: 404 });
    expect(lookups).toEqual(["127.0.0.1"]);
    expect(s.ctx.httpLog.entries.map((e) => `${e.method} ${e.url}`)).toEqual([
      `GET ${s.emu.url}/malls/${s.mallId}/api/v2/`,
    ]);
    expect(s.ctx.api?.callsSpent).toBe(0);
    expect(s.emu.control.stats(s.mallId).bucket.level).toBe(0);
    expect(factsOf({ network: result }, "network")).toEqual({
      reachable: true,
      serverClock: { serverMs: START_MS, localMs: START_MS },
    });
  });

  it("fails an unresolvable host (critical), naming it, without sending anything", async () => {
    const s = await scenario({
      config: { mallId: "myshoop", baseUrl: undefined, allowInsecureLoopback: false },
      lookup: async () => {
        throw dnsError("ENOTFOUND");
      },
    });
    const result = await network(s);
    expect(result.status).toBe("fail");
    const finding = findingOf(result, "HOST_UNRESOLVABLE");
    expect(finding.urgency).toBe("critical");
    expect(finding.cause.params).toMatchObject({ host: "myshoop.cafe24api.com", error: "ENOTFOUND" });
    expect(finding.command).toBe("nslookup myshoop.cafe24api.com");
    expect(s.ctx.httpLog.entries).toEqual([]);
    expect(factsOf({ network: result }, "network")?.reachable).toBe(false);
  });

  it("tells a resolver that did not answer (high) from a name that does not exist", async () => {
    const s = await scenario({
      lookup: async () => {
        throw dnsError("EAI_AGAIN");
      },
    });
    const finding = findingOf(await network(s), "DNS_FAILED");
    expect(finding.urgency).toBe("high");
  });

  it("fails a refused connection (critical)", async () => {
    const port = await closedPort();
    const s = await scenario({ config: { baseUrl: `http://127.0.0.1:${port}/malls/{mall_id}` } });
    const result = await network(s);
    expect(result.status).toBe("fail");
    expect(result.summary.key).toBe("check.network.summary.refused");
    expect(findingOf(result, "CONNECTION_REFUSED").urgency).toBe("critical");
    expect(factsOf({ network: result }, "network")).toEqual({ reachable: false, serverClock: undefined });
  });

  it("gives up on a silent host after its short probe timeout (critical)", async () => {
    // The silent host never closes a connection itself: only the probe giving up ends it.
    let hungUp = () => {};
    const closed = new Promise<void>((resolve) => {
      hungUp = resolve;
    });
    const port = await blackHole((socket) => socket.on("close", () => hungUp()));
    const s = await scenario({ config: { baseUrl: `http://127.0.0.1:${port}/malls/{mall_id}` } });
    // The deadline (15 s) is far off: only the probe's own timeout can end the wait.
    const result = await network(s);
    const finding = findingOf(result, "NETWORK_TIMEOUT");
    expect(finding.urgency).toBe("critical");
    expect(finding.cause.params).toMatchObject({ seconds: PROBE_TIMEOUT_MS / 1000 });
    await closed;
  });

  it("stops at the global deadline instead of waiting out the probe", async () => {
    const deadline = new AbortController();
    const reason = new DOMException("the doctor's deadline", "TimeoutError");
    // The deadline passes while the probe waits on the silent host, long before the probe's own timeout.
    const port = await blackHole(() => deadline.abort(reason));
    const s = await scenario({ config: { baseUrl: `http://127.0.0.1:${port}/malls/{mall_id}` } });
    await expect(runCheck({ ...s.ctx, signal: deadline.signal }, "network")).rejects.toBe(reason);
  });

  it("stops waiting for a hanging DNS lookup at the global deadline", async () => {
    const deadline = new AbortController();
    const s = await scenario({
      lookup: () => {
        deadline.abort(new DOMException("the doctor's deadline", "TimeoutError"));
        return new Promise(() => {});
      },
    });
    await expect(runCheck({ ...s.ctx, signal: deadline.signal }, "network")).rejects.toThrow(
      expect.objectContaining({ code: "CAFE24_ABORTED" }),
    );
  });

  it("is skipped without a mall id, and says why", async () => {
    const s = await scenario({ config: { mallId: undefined } });
    const result = await network(s);
    expect(result.status).toBe("skipped");
    expect(result.summary.key).toBe("check.network.summary.noTarget");
  });
});
