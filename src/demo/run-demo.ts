import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pc from "picocolors";
import type { DoctorConfig } from "../config/doctor-config.js";
import { loadDoctorConfig } from "../config/load-doctor-config.js";
import { canFixByRefresh, refreshForFix } from "../doctor/fix-by-refresh.js";
import { buildReport } from "../doctor/report/build-report.js";
import { renderProblems, renderStatusLines } from "../doctor/report/render-terminal.js";
import { writeHtmlReport } from "../doctor/report/write-html-report.js";
import { writeJsonReport } from "../doctor/report/write-json-report.js";
import { reportInputOf } from "../doctor/report-input-of.js";
import { runDoctor } from "../doctor/run-doctor.js";
import { type RunningEmulator, startEmulator } from "../emulator/server.js";
import type { MessageKey } from "../i18n/en.js";
import { createTranslator, type Lang, resolveLang } from "../i18n/translate.js";
import { FileTokenStore } from "../store/file-token-store.js";
import { authorizeDemoApp } from "./authorize-demo-app.js";
import { runTokenEndpointScene } from "./token-endpoint-scene.js";

/**
 * `npm run demo`: the real product against the embedded emulator — authorize a demo app, run the full check,
 * then break things the way they break in production (an access token nobody refreshed, a scope removed from
 * the app) and show the diagnosis naming each; last, `watch --token-endpoint` serving tokens to an app in
 * another language. Nothing leaves 127.0.0.1.
 */
async function runDemo(): Promise<number> {
  const flag = process.argv.indexOf("--lang");
  const lang = resolveLang(flag >= 0 ? process.argv[flag + 1] : undefined);
  const t = createTranslator(lang);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const started = performance.now();
  const emulator = await startEmulator({ port: 0, autoApprove: true });
  try {
    const mall = emulator.malls[0];
    if (!mall?.clientSecret) throw new Error("no demo mall");
    const dir = await mkdtemp(join(tmpdir(), "cafe24-doctor-demo-"));
    const tokenFile = join(dir, "oauth_token.json");
    out(pc.bold(t("demo.title")));
    out(pc.dim(t("demo.emulator", { url: emulator.url, mallId: mall.mallId })));

    scene(out, t, "demo.scene.authorize");
    await authorizeDemoApp(emulator, tokenFile);
    out(`   ${t("demo.authorized", { file: tokenFile })}`);
    const config = await loadDoctorConfig({
      cwd: dir,
      env: {
        CAFE24_MALL_ID: mall.mallId,
        CAFE24_CLIENT_ID: mall.clientId,
        CAFE24_CLIENT_SECRET: mall.clientSecret,
        CAFE24_REDIRECT_URI: mall.redirectUri,
        CAFE24_SCOPES: mall.scopes.join(","),
        CAFE24_TOKEN_FILE: tokenFile,
        CAFE24_BASE_URL: emulator.baseUrlTemplate,
      },
    });

    scene(out, t, "demo.scene.healthy");
    const healthy = await diagnose(config, "check", lang, out);
    const files = [
      await writeJsonReport(dir, healthy.report, healthy.finishedAt),
      await writeHtmlReport(dir, healthy.report, healthy.finishedAt),
    ];
    out(pc.dim(`   ${t("demo.reports", { files: files.join(", ") })}`));

    scene(out, t, "demo.scene.expired");
    await twoHoursLater(emulator, mall.mallId, tokenFile);
    const expired = await diagnose(config, "diagnose", lang, out);
    if (canFixByRefresh(expired.run)) {
      scene(out, t, "demo.scene.fix");
      await refreshForFix(config);
      await diagnose(config, "diagnose", lang, out, { statusOnly: true });
    }

    scene(out, t, "demo.scene.scope");
    emulator.control.setAppScopes(
      mall.mallId,
      mall.scopes.filter((s) => s !== "mall.read_order"),
    );
    // The token file still lists the scope; only the full check's live probes can see Cafe24 refuse it.
    await diagnose(config, "check", lang, out);

    scene(out, t, "demo.scene.tokenEndpoint");
    await runTokenEndpointScene({ emulator, mall, tokenFile, lang, t, out });

    out(`\n${pc.green(t("demo.done", { seconds: ((performance.now() - started) / 1000).toFixed(1) }))}`);
    return 0;
  } catch (error) {
    process.stderr.write(
      `${pc.red(t("demo.failed", { message: error instanceof Error ? error.message : String(error) }))}\n`,
    );
    return 1;
  } finally {
    await emulator.close();
  }
}

/** Both sides of "two hours later": Cafe24 expires the access token, and the stored expiry has passed. */
async function twoHoursLater(emulator: RunningEmulator, mallId: string, tokenFile: string): Promise<void> {
  emulator.control.expireTokens(mallId, "access");
  const store = new FileTokenStore({ path: tokenFile });
  const stored = await store.get(mallId);
  if (!stored) throw new Error(`no token in ${tokenFile}`);
  const expired = { ...stored.token, accessTokenExpiresAt: Date.now() - 60_000 };
  await store.compareAndSet(mallId, stored.revision, expired);
}

let sceneNo = 0;
function scene(out: (line: string) => void, t: ReturnType<typeof createTranslator>, key: MessageKey): void {
  out(`\n${pc.bold(pc.cyan(`${++sceneNo}.`))} ${pc.bold(t(key))}`);
}

async function diagnose(
  config: DoctorConfig,
  kind: "check" | "diagnose",
  lang: Lang,
  out: (line: string) => void,
  options: { statusOnly?: boolean } = {},
) {
  const t = createTranslator(lang);
  const run = await runDoctor({ config, kind });
  const report = buildReport(reportInputOf(run, lang, config.mallId), t);
  out(renderStatusLines(report));
  if (!options.statusOnly) out(renderProblems(report));
  return { run, report, finishedAt: run.finishedAt };
}

runDemo().then((code) => {
  process.exitCode = code;
});
