import { describe, expect, it } from "vitest";
import { formatBytes, readBodyCapped } from "../../src/util/read-body-capped.js";

/** A body stream that hands out `chunks` in order (then ends, or repeats the last one forever) and records what it did. */
function streamOf(chunks: Uint8Array[], options: { endless?: boolean } = {}) {
  const seen = { pulled: 0, bytes: 0, cancelled: false };
  let next = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = next < chunks.length ? chunks[next] : options.endless ? chunks.at(-1) : undefined;
      if (!chunk) {
        controller.close();
        return;
      }
      next += 1;
      seen.pulled += 1;
      seen.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe("readBodyCapped", () => {
  it("decodes UTF-8 characters split across chunk boundaries", async () => {
    const whole = bytes('{"name":"상품 한글 ✓ 😀"}');
    const pieces = Array.from(whole, (_, i) => whole.subarray(i, i + 1));
    const { stream } = streamOf(pieces);

    expect(await readBodyCapped(new Response(stream), 1024)).toEqual({
      ok: true,
      text: '{"name":"상품 한글 ✓ 😀"}',
    });
  });

  it("reads a body of exactly the limit", async () => {
    const { stream } = streamOf([bytes("12345"), bytes("67890")]);
    expect(await readBodyCapped(new Response(stream), 10)).toEqual({ ok: true, text: "1234567890" });
  });

  it("cancels a never-ending body once it passes the limit", async () => {
    const { stream, seen } = streamOf([new Uint8Array(4096)], { endless: true });
    expect(await readBodyCapped(new Response(stream), 64 * 1024)).toEqual({ ok: false, limitBytes: 65536 });
    expect(seen.cancelled).toBe(true);
    // What was pulled: the limit, the chunk that crossed it, and what the stream queued ahead.
    expect(seen.bytes).toBeLessThanOrEqual(64 * 1024 + 2 * 4096);
  });

  it("refuses a Content-Length over the limit without reading a byte", async () => {
    const { stream, seen } = streamOf([new Uint8Array(4096)], { endless: true });
    const response = new Response(stream, { headers: { "content-length": "20000000" } });

    expect(await readBodyCapped(response, 1024 * 1024)).toEqual({ ok: false, limitBytes: 1048576 });
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThanOrEqual(1);
  });

  it("counts decoded bytes, not a Content-Length, when the body is content-encoded", async () => {
    const { stream } = streamOf([bytes("x".repeat(100))]);
    const response = new Response(stream, {
      headers: { "content-length": "5000", "content-encoding": "gzip" },
    });
    // Not decoded here (a constructed Response is not fetch's), which is beside the point: the length is not trusted.
    expect(await readBodyCapped(response, 1000)).toEqual({ ok: true, text: "x".repeat(100) });
  });

  it("reads an absent body as empty text", async () => {
    expect(await readBodyCapped(new Response(null, { status: 204 }), 10)).toEqual({ ok: true, text: "" });
  });

  it("drops a leading byte-order mark and replaces invalid bytes, as Response.text() does", async () => {
    const { stream } = streamOf([Uint8Array.of(0xef, 0xbb, 0xbf, 0x61, 0xff, 0x62)]);
    expect(await readBodyCapped(new Response(stream), 100)).toEqual({ ok: true, text: "a\uFFFDb" });
  });
});

describe("formatBytes", () => {
  it.each([
    [16 * 1024 * 1024, "16 MiB"],
    [64 * 1024, "64 KiB"],
    [1024 ** 3, "1 GiB"],
    [1500, "1500 bytes"],
    [1.5 * 1024 * 1024, "1536 KiB"],
  ])("writes %i as %s", (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });
});
