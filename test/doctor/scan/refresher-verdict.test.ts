import { describe, expect, it } from "vitest";
import { refresherVerdict } from "../../../src/doctor/scan/refresher-verdict.js";
import { scanProject } from "../../../src/doctor/scan/scan-project.js";
import { PY_REFRESHER, project } from "./scan-helpers.js";

const verdictOf = async (files: Record<string, string>) =>
  refresherVerdict(await scanProject(await project(files)));

describe("counting the refreshers of a project", () => {
  it("calls one refresher alone a lone refresher (it must stay the only one and hold a lock)", async () => {
    expect(await verdictOf({ "app/refresh.py": PY_REFRESHER })).toEqual({
      kind: "lone",
      count: 1,
      watch: false,
    });
  });

  it("calls two refreshers in the code a race", async () => {
    expect(await verdictOf({ "app/refresh.py": PY_REFRESHER, "cron/refresh.py": PY_REFRESHER })).toEqual({
      kind: "race",
      count: 2,
      watch: false,
    });
  });

  it("counts watch as a refresher when the project runs it: one refresher in the code then races it", async () => {
    expect(
      await verdictOf({
        "app/refresh.py": PY_REFRESHER,
        Procfile: "web: gunicorn app:app\ntokens: npx cafe24-doctor watch\n",
      }),
    ).toEqual({ kind: "race", count: 2, watch: true });
  });

  it("is content with watch alone (the way it should be)", async () => {
    expect(
      await verdictOf({
        "package.json": '{ "scripts": { "tokens": "cafe24-doctor watch --token-endpoint" } }',
      }),
    ).toEqual({ kind: "none", count: 1, watch: true });
  });
});

describe("evidence that the project runs watch", () => {
  const runs = async (files: Record<string, string>) =>
    (await scanProject(await project(files))).watchEvidence.sort();

  it("is read from scripts, process files, compose files, Dockerfiles, systemd units, crontabs and the library import", async () => {
    expect(
      await runs({
        "package.json": '{\n  "scripts": {\n    "tokens": "cafe24-doctor watch"\n  }\n}\n',
        Procfile: "worker: npx cafe24-doctor@latest watch --mall shop1\n",
        "docker-compose.prod.yml": 'services:\n  tokens:\n    command: ["cafe24-doctor", "watch"]\n',
        Dockerfile: 'FROM node:20\nCMD ["npx", "cafe24-doctor", "watch", "--token-endpoint"]\n',
        "deploy/systemd/cafe24-watch.service": "[Service]\nExecStart=/usr/bin/cafe24-doctor watch\n",
        crontab: "@reboot cd /srv/shop && cafe24-doctor --lang en watch\n",
        "src/tokens.mjs": 'import { WatchManager } from "cafe24-doctor/watch";\n',
      }),
    ).toEqual([
      "Dockerfile:2",
      "Procfile:1",
      "crontab:1",
      "deploy/systemd/cafe24-watch.service:2",
      "docker-compose.prod.yml:3",
      "package.json:3",
      "src/tokens.mjs:1",
    ]);
  });

  it("is not a README that mentions watch, a commented-out line, nor another command", async () => {
    expect(
      await runs({
        "README.md": "Run `cafe24-doctor watch` to keep tokens alive.\n",
        Procfile: "# tokens: cafe24-doctor watch\nweb: node app.js\n",
        "package.json": '{ "scripts": { "check": "cafe24-doctor check", "watch": "tsc --watch" } }',
      }),
    ).toEqual([]);
  });
});
