import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it, onTestFinished } from "vitest";
import { verifyWebhookSignature } from "../../src/cafe24/webhook-signature.js";
import { startCli } from "../helpers/run-cli.js";

const SECRET = "whsec-cli-test-value";

async function receiver() {
  const received: { headers: IncomingHttpHeaders; rawBody: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, rawBody: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received };
}

describe("cafe24-doctor emulator --webhook-url", () => {
  it("sends the app-deleted webhook there, signed with CAFE24_WEBHOOK_SECRET, which it never prints", async () => {
    const hook = await receiver();
    const run = startCli(["emulator", "--port", "0", "--control-api", "--quiet", "--webhook-url", hook.url], {
      CAFE24_WEBHOOK_SECRET: SECRET,
    });
    try {
      const ready = JSON.parse(await run.firstLine);
      const mallId = ready.malls[0].mallId as string;
      const changed = await fetch(`${ready.url}/__emulator/malls/${mallId}/app-state`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ state: "deleted" }),
      });
      expect(await changed.json()).toMatchObject({ state: "deleted", webhook: "sending" });
      await fetch(`${ready.url}/__emulator/webhooks/settle`, { method: "POST" });
      expect(hook.received).toHaveLength(1);
      const [delivery] = hook.received as [(typeof hook.received)[number]];
      expect(JSON.parse(delivery.rawBody)).toMatchObject({ event_no: 90077, resource: { mall_id: mallId } });
      const timestamp = delivery.headers["x-cafe24-webhook-timestamp"] as string;
      expect(
        verifyWebhookSignature({
          secret: SECRET,
          timestamp,
          rawBody: delivery.rawBody,
          signature: delivery.headers["x-cafe24-webhook-signature"] as string,
          // The CLI's emulator runs on the host clock: judge the signature at the instant it claims.
          now: Number(timestamp) * 1000,
        }),
      ).toBe("ok");
    } finally {
      run.child.kill("SIGTERM");
    }
    expect(await run.exited).toBe(0);
    const { stdout, stderr } = run.output();
    expect(stdout + stderr).not.toContain(SECRET);
  });
});
