import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROBES } from "../../src/conformance/probes.js";
import { recordingSchema } from "../../src/conformance/recording.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { expectCleanOutput, tokenProject } from "../token/token-cli-kit.js";

describe("cafe24-doctor conformance (built CLI)", () => {
  it("run writes a 0600 recording that holds no token, secret or mall id; diff of two runs is clean (exit 0)", async () => {
    const p = await tokenProject();
    await p.writeToken();
    const first = await p.cli(["conformance", "run", "--out", "a.json", "--pace-ms", "0"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Saved ${PROBES.length} probe results to`);
    expect(first.stderr).toContain(`[ 1/${PROBES.length}] token.wrong-secret → 401`);
    const file = join(p.dir, "a.json");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const text = await readFile(file, "utf8");
    expect(recordingSchema.parse(JSON.parse(text)).probes).toHaveLength(PROBES.length);
    for (const value of [...p.secrets(), p.mall.mallId, p.mall.clientId]) expect(text).not.toContain(value);
    expectCleanOutput(first, p.secrets());

    // Unpaced, two runs back to back would fill the emulator's bucket of 40: empty it as 20 s of drain would.
    p.emu.control.fillBucket(p.mall.mallId, 0);
    const second = await p.cli(["conformance", "run", "--out", "b.json", "--pace-ms", "0", "--json"]);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ probes: PROBES.length, complete: true });
    const same = await p.cli(["conformance", "diff", "a.json", "b.json"]);
    expect(same.code, same.stdout + same.stderr).toBe(0);
    expect(same.stdout).toContain("No divergences");
  });

  it("diff lists each divergence and exits 2; in Korean with --lang ko; as JSON with --json", async () => {
    const p = await tokenProject();
    await p.writeToken();
    expect((await p.cli(["conformance", "run", "--out", "a.json", "--pace-ms", "0"])).code).toBe(0);
    const recording = JSON.parse(await readFile(join(p.dir, "a.json"), "utf8"));
    const old = recording.probes.find((probe: { id: string }) => probe.id === "version.old");
    old.status = 400;
    await writeFile(join(p.dir, "b.json"), JSON.stringify(recording));
    const en = await p.cli(["conformance", "diff", "a.json", "b.json"]);
    expect(en.code).toBe(2);
    expect(en.stdout).toMatch(/version\.old\n {2}status differs: A 200 · B 400/);
    expect(en.stdout).toContain("1 divergences in 1 probes.");
    const ko = await p.cli(["conformance", "diff", "a.json", "b.json", "--lang", "ko"]);
    expect(ko.code).toBe(2);
    expect(ko.stdout).toContain("상태 코드가 다름: A 200 · B 400");
    const json = await p.cli(["conformance", "diff", "a.json", "b.json", "--json"]);
    expect(JSON.parse(json.stdout)).toEqual({
      same: false,
      divergences: [{ probe: "version.old", kind: "status", at: "", a: "200", b: "400" }],
    });
  });

  it("diff of a file that is not a recording, or without its second file, exits 3", async () => {
    const p = await tokenProject();
    await writeFile(join(p.dir, "a.json"), JSON.stringify({ schemaVersion: 2 }));
    const result = await p.cli(["conformance", "diff", "a.json", "a.json"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("a.json is not a conformance recording");
    const usage = await p.cli(["conformance", "diff", "a.json"]);
    expect(usage.code).toBe(3);
    expect(usage.stderr).toContain("missing required argument 'b'");
  });

  it("run with an expired access token asks for `token refresh` first, exits 3, and leaves the token alone", async () => {
    const p = await tokenProject();
    const token = await p.writeToken();
    const store = new FileTokenStore({ path: p.tokenFile });
    const current = await store.get(p.mall.mallId);
    await store.compareAndSet(p.mall.mallId, current?.revision, {
      ...token,
      accessTokenExpiresAt: Date.now() - 60_000,
    });
    const result = await p.cli(["conformance", "run", "--out", "a.json"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("Run `cafe24-doctor token refresh` first.");
    expect((await p.readToken())?.refreshToken).toBe(token.refreshToken);
    const ko = await p.cli(["conformance", "run", "--lang", "ko"]);
    expect(ko.stderr).toContain("먼저 `cafe24-doctor token refresh`를 실행하세요");
  });
});
