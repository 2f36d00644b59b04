/**
 * Whether the project runs `cafe24-doctor watch`, which refreshes the tokens too: then it is one of the
 * refreshers, and every refresher in the code races it. Read from the files that say how a project is run, not
 * from its sources or documentation (a README that mentions watch does not run it).
 */

const DEPLOYMENT_NAME =
  /^(?:package\.json|Procfile(?:\..+)?|Dockerfile(?:\..+)?|.+\.dockerfile|(?:docker-)?compose(?:\..+)?\.ya?ml|.+\.service|.+\.timer|crontab|.+\.crontab|.+\.cron|ecosystem\.config\.[cm]?js|ecosystem\.config\.json|supervisord\.conf|fly\.toml|render\.ya?ml|app\.ya?ml|Makefile|justfile)$/i;

/** A file that says how (part of) the project is run: scripts, process files, containers, units, crontabs. */
export function isDeploymentFile(relPath: string): boolean {
  const parts = relPath.split("/");
  const name = parts.at(-1) ?? "";
  if (DEPLOYMENT_NAME.test(name)) return true;
  const folder = parts.at(-2) ?? "";
  // Kubernetes manifests, cron.d entries and supervisor programs live in folders of their own.
  return (
    folder === "cron.d" ||
    (/^(?:k8s|kubernetes|deploy|deployment|manifests|helm|supervisor|systemd)$/i.test(folder) &&
      /\.(?:ya?ml|conf|service)$/i.test(name))
  );
}

/** `cafe24-doctor watch`, `npx cafe24-doctor watch`, `["cafe24-doctor", "watch"]`, `dist/cli/main.js watch`. */
const RUNS_WATCH =
  /cafe24-doctor(?:@[\w.^~-]+)?["']?\s*(?:,\s*["'])?\s*(?:--[\w-]+(?:[ =][\w./-]+)?\s+)*watch\b|cafe24-doctor\/dist\/cli\/main\.js["']?\s*(?:,\s*["'])?watch\b/;

/** The 1-based lines of a deployment file that run watch (a commented-out line does not). */
export function watchLines(text: string): number[] {
  const lines: number[] = [];
  text.split("\n").forEach((line, index) => {
    if (/^\s*(?:#|\/\/|;)/.test(line)) return;
    if (RUNS_WATCH.test(line)) lines.push(index + 1);
  });
  return lines;
}

/** A source that runs watch in-process through the library (`cafe24-doctor/watch`). */
export const IMPORTS_WATCH = /(?:from\s+|require\(\s*|import\(\s*)["']cafe24-doctor\/watch["']/;
