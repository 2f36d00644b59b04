import { describe, expect, it } from "vitest";
import { requestWithHost } from "../helpers/request-with-host.js";
import { CLI, runNode, startCli } from "../helpers/run-cli.js";

describe("cafe24-doctor emulator --allow-host", () => {
  it("answers under its own address and each --allow-host name, and refuses any other Host with 421", async () => {
    const run = startCli([
      "emulator",
      "--port",
      "0",
      "--quiet",
      "--allow-host",
      "emu.internal",
      "--lang",
      "en",
    ]);
    try {
      const ready = JSON.parse(await run.firstLine) as { url: string };
      const store = `${ready.url}/api/v2/admin/store`;
      expect((await fetch(store)).status).toBe(401);
      expect((await requestWithHost(store, "emu.internal")).status).toBe(401);
      const refused = await requestWithHost(store, "evil.example");
      expect(refused.status).toBe(421);
      expect(refused.body).toContain("--allow-host evil.example");
    } finally {
      run.child.kill("SIGTERM");
    }
    expect(await run.exited).toBe(0);
  });

  it("refuses an --allow-host value that is not a host name with exit 3, not as a busy port", async () => {
    const result = await runNode(CLI, ["emulator", "--port", "0", "--allow-host", "http://emu.internal/"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('"http://emu.internal/" is not a host name');
    expect(result.stderr).not.toContain("could not listen");
  });
});
