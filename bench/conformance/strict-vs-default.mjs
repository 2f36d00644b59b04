// The conformance diff of the default emulator (A: the behaviour the evidence supports) against the
// "strict-compat" configuration (B: the emulator's earlier, stricter choices, each still selectable). Prints
// the human diff (English; `--lang ko` for Korean) and writes it to the file named by `--out`, if given.
// Run: npm run -s build && node bench/conformance/strict-vs-default.mjs [--lang ko] [--out FILE]
import { writeFileSync } from "node:fs";
import { diffRecordings } from "../../dist/conformance/diff-recordings.js";
import { renderDiff } from "../../dist/conformance/render-conformance.js";
import { runConformance } from "../../dist/conformance/run-conformance.js";
import { startEmulator } from "../../dist/emulator/index.js";
import { createTranslator } from "../../dist/i18n/translate.js";
import { MemoryTokenStore, toTokenSet } from "../../dist/index.js";

/** Every behaviour the evidence moved, set back to the emulator's earlier choice. */
export const STRICT_COMPAT = {
  versions: { expired: "error" },
  oauth: {
    wrongSecretError: "invalid_client",
    expiredRefreshError: "invalid_grant",
    refreshErrorShape: "legacy",
    redirectErrorEncoding: "single",
    requireState: true,
  },
  usage: { enabled: false },
};

const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};

/** One emulator, one token issued through its control API, one paced-free run of the kit on a frozen clock. */
async function record(options) {
  const emu = await startEmulator({ clock: { frozen: true, start: "2026-11-27T11:41:00.000Z" }, ...options });
  try {
    const mall = emu.malls[0];
    const store = new MemoryTokenStore({ now: () => emu.control.now() });
    await store.compareAndSet(
      mall.mallId,
      undefined,
      toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId),
    );
    const outcome = await runConformance({
      target: {
        mallId: mall.mallId,
        clientId: mall.clientId,
        clientSecret: mall.clientSecret,
        baseUrl: emu.baseUrlTemplate,
        allowInsecureLoopback: true,
        redirectUri: mall.redirectUri,
      },
      store,
      now: () => emu.control.now(),
      paceMs: 0,
      sleep: async () => {},
    });
    if (outcome.kind !== "recorded") throw new Error(`the kit did not record: ${outcome.kind}`);
    return outcome.recording;
  } finally {
    await emu.close();
  }
}

const a = await record({});
const b = await record(STRICT_COMPAT);
const divergences = diffRecordings(a, b);
const text = [
  `A = default emulator; B = strict-compat: ${JSON.stringify(STRICT_COMPAT)}`,
  "",
  ...renderDiff(a, b, divergences, createTranslator(arg("--lang") === "ko" ? "ko" : "en")),
].join("\n");
process.stdout.write(`${text}\n`);
const out = arg("--out");
if (out) writeFileSync(out, `${text}\n`);
