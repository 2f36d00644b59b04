import pc from "picocolors";
import { startEmulator } from "../emulator/server.js";
import { createTranslator, resolveLang } from "../i18n/translate.js";
import { runOAuthWalkthrough } from "./oauth-walkthrough.js";

/** `npm run demo`: the emulator in this process on an ephemeral loopback port, and the OAuth walkthrough. */
async function runDemo(): Promise<number> {
  const langFlag = process.argv.indexOf("--lang");
  const t = createTranslator(resolveLang(langFlag >= 0 ? process.argv[langFlag + 1] : undefined));
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const started = performance.now();
  const emulator = await startEmulator({ port: 0 });
  try {
    out(pc.bold(t("demo.title")));
    out(pc.dim(t("demo.emulator", { url: emulator.url, mallId: emulator.malls[0]?.mallId ?? "?" })));
    await runOAuthWalkthrough(emulator, { t, out });
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

runDemo().then((code) => {
  process.exitCode = code;
});
