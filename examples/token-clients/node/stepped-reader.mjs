#!/usr/bin/env node
/**
 * Drives cafe24-token-client.mjs one Cafe24 call per input line, on the caller's clock.
 *
 * How cafe24-doctor's CI test and `npm run demo` run the client against `watch` and the emulator, whose clock
 * they move: each stdin line is JSON `{"now_ms": <epoch ms>}` — the time the client's cache should see — and
 * makes one GET /api/v2/admin/store. Every output line is JSON: a first `{"ready": ...}`, one line per call
 * (`source` says where its token came from: cache, endpoint, or rejected after a Cafe24 401), and a last
 * `{"done": ...}` at end of input. `keys` are the fields watch's answers carried; tokens are never printed.
 *
 * Environment: as cafe24-token-client.mjs (CAFE24_MALL_ID is required here).
 */
import { createInterface } from "node:readline";
import { Cafe24TokenClient, Cafe24TokenClientError, storeUrl } from "./cafe24-token-client.mjs";

const mallId = process.env.CAFE24_MALL_ID;
if (!mallId) throw new Error("CAFE24_MALL_ID is required");
let nowMs = 0;
const keysSeen = new Set();
const client = new Cafe24TokenClient({
  mallId,
  now: () => nowMs,
  fetch: async (input, init) => {
    const answer = await fetch(input, init);
    if (String(input).startsWith(client.endpoint)) {
      const payload = await answer
        .clone()
        .json()
        .catch(() => undefined);
      if (payload && typeof payload === "object") for (const key of Object.keys(payload)) keysSeen.add(key);
    }
    return answer;
  },
});
const url = storeUrl(mallId);
const emit = (record) => process.stdout.write(`${JSON.stringify(record)}\n`);

emit({ ready: true, transport: "fetch" });
let calls = 0;
let failed = 0;
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  nowMs = JSON.parse(line).now_ms;
  const reads = client.endpointReads;
  const rejections = client.rejectionsReported;
  calls++;
  const result = { call: calls, ok: false, status: null, error: null };
  try {
    const answer = await client.request(url);
    await answer.body?.cancel();
    result.status = answer.status;
    result.ok = answer.status === 200;
  } catch (error) {
    if (!(error instanceof Cafe24TokenClientError)) throw error;
    result.error = error.message;
  }
  result.source =
    client.rejectionsReported > rejections ? "rejected" : client.endpointReads > reads ? "endpoint" : "cache";
  if (!result.ok) failed++;
  emit(result);
}
emit({
  done: true,
  calls,
  failed,
  endpoint_reads: client.endpointReads,
  rejections: client.rejectionsReported,
  keys: [...keysSeen].sort(),
});
