import { open, readFile } from "node:fs/promises";
import type { Now } from "../../util/runtime.js";
import { codeView } from "./code-view.js";
import { maskedExcerpt } from "./masked-excerpt.js";
import { tokenUrlConstants } from "./rules/refresher.js";
import { SCAN_RULE_IDS, type ScanFinding, type ScannedSource, type SourceRule } from "./scan-types.js";
import { SOURCE_RULES } from "./source-rules.js";
import { type SourceFile, walkProject } from "./walk-project.js";
import { IMPORTS_WATCH, watchLines } from "./watch-evidence.js";

export interface ScanLimits {
  /** Source files read at most. */
  maxFiles: number;
  /** A larger source is skipped (generated or bundled code, not hand-written refreshers). */
  maxFileBytes: number;
  /** Bytes read in all; the scan stops there. */
  maxTotalBytes: number;
  /** Time the whole scan may take, by the injected clock. */
  maxMs: number;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = {
  maxFiles: 20_000,
  maxFileBytes: 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
  maxMs: 10_000,
};

/** A bound that cut the scan short (or, for fileBytes, left a file out): the result is then incomplete. */
export type ScanLimit = "files" | "fileBytes" | "totalBytes" | "time";

export interface ProjectScan {
  findings: ScanFinding[];
  /** Where the project runs `cafe24-doctor watch` ("file:line"); watch refreshes too. */
  watchEvidence: string[];
  filesScanned: number;
  bytesScanned: number;
  /** Sources not read: tests and benchmarks, binary or minified files, files over maxFileBytes. */
  skipped: { tests: number; binary: number; minified: number; large: number };
  limitsHit: ScanLimit[];
  elapsedMs: number;
}

export interface ScanOptions {
  limits?: Partial<ScanLimits>;
  now?: Now;
  /** Stops the scan (reported as the time bound): the doctor's global deadline. */
  signal?: AbortSignal;
}

/** Bytes looked at for a NUL to call a file binary. */
const BINARY_SNIFF = 8000;
/** A line this long is generated or minified, not written by a person. */
const MINIFIED_LINE = 2000;

/**
 * Scans a project's sources for code that handles Cafe24 tokens behind cafe24-doctor's back (SOURCE_RULES),
 * and its deployment files for a running `watch`. Read-only; bounded in files, bytes and time, and says which
 * bound cut it short.
 */
export async function scanProject(root: string, options: ScanOptions = {}): Promise<ProjectScan> {
  const limits = { ...DEFAULT_SCAN_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const started = now();
  const limitsHit = new Set<ScanLimit>();
  const walk = await walkProject(root, { maxFiles: limits.maxFiles, maxMs: limits.maxMs }, now);
  if (walk.cut) limitsHit.add(walk.cut);
  const scan: ProjectScan = {
    findings: [],
    watchEvidence: [],
    filesScanned: 0,
    bytesScanned: 0,
    skipped: { tests: walk.testFiles, binary: 0, minified: 0, large: 0 },
    limitsHit: [],
    elapsedMs: 0,
  };
  for (const file of walk.deployment) {
    const text = await readFile(file.path, "utf8").catch(() => "");
    for (const line of watchLines(text)) scan.watchEvidence.push(`${file.rel}:${line}`);
  }
  const tokenUrlNames = new Set<string>();
  const kept: (ScannedSource & { rawLines: readonly string[] })[] = [];
  for (const file of walk.sources) {
    if (now() - started > limits.maxMs || options.signal?.aborted) {
      limitsHit.add("time");
      break;
    }
    const read = await readSource(file.path, limits.maxFileBytes);
    if (read === "large") {
      scan.skipped.large++;
      limitsHit.add("fileBytes");
      continue;
    }
    if (read === undefined) continue;
    if (scan.bytesScanned + read.length > limits.maxTotalBytes) {
      limitsHit.add("totalBytes");
      break;
    }
    scan.bytesScanned += read.length;
    if (read.subarray(0, BINARY_SNIFF).includes(0)) {
      scan.skipped.binary++;
      continue;
    }
    const text = read.toString("utf8");
    if (text.split("\n").some((line) => line.length > MINIFIED_LINE)) {
      scan.skipped.minified++;
      continue;
    }
    scan.filesScanned++;
    const source = scanSource(file, text, scan);
    for (const name of tokenUrlConstants(source.lines)) tokenUrlNames.add(name);
    const code = source.lines.join("\n");
    if (DEFERRED.some((rule) => rule.deferred?.keeps(code))) kept.push(source);
  }
  // The deferred rules, now that every source told what it defines.
  for (const source of kept) {
    for (const rule of DEFERRED) report(rule, source, { tokenUrlNames }, scan);
  }
  scan.findings.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      SCAN_RULE_IDS.indexOf(a.rule) - SCAN_RULE_IDS.indexOf(b.rule),
  );
  scan.limitsHit = [...limitsHit];
  scan.elapsedMs = now() - started;
  return scan;
}

const IMMEDIATE = SOURCE_RULES.filter((rule) => !rule.deferred);
const DEFERRED = SOURCE_RULES.filter((rule) => rule.deferred);
const NO_FACTS = { tokenUrlNames: new Set<string>() };

/** Applies the rules that need only this file; returns the source for the deferred ones. */
function scanSource(file: SourceFile, text: string, scan: ProjectScan) {
  const rawLines = text.split("\n");
  const lines = codeView(text, file.language).split("\n");
  const source = { rel: file.rel, language: file.language, lines, rawLines };
  for (const rule of IMMEDIATE) report(rule, source, NO_FACTS, scan);
  if (file.language === "javascript") {
    const index = lines.findIndex((line) => IMPORTS_WATCH.test(line));
    if (index >= 0) scan.watchEvidence.push(`${file.rel}:${index + 1}`);
  }
  return source;
}

function report(
  rule: SourceRule,
  source: ScannedSource & { rawLines: readonly string[] },
  facts: Parameters<SourceRule["find"]>[1],
  scan: ProjectScan,
): void {
  for (const hit of rule.find(source, facts)) {
    scan.findings.push({
      rule: rule.id,
      file: source.rel,
      line: hit.index + 1,
      excerpt: maskedExcerpt(source.rawLines[hit.index] ?? "", hit.secret),
    });
  }
}

/** The file's bytes, "large" over the cap (read no further than the cap), undefined when unreadable. */
async function readSource(path: string, maxBytes: number): Promise<Buffer | "large" | undefined> {
  const handle = await open(path, "r").catch(() => undefined);
  if (!handle) return undefined;
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) return "large";
    // The size can grow while reading; one byte more than the cap tells.
    const buffer = Buffer.alloc(size + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return length > maxBytes ? "large" : buffer.subarray(0, Math.min(length, size));
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}
