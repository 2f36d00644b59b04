/** A body read whole, or the news that it was bigger than the caller accepts (and was not read further). */
export type CappedBody = { ok: true; text: string } | { ok: false; limitBytes: number };

/**
 * Reads a fetch Response's body as UTF-8 text, but never more than `maxBytes` of it. A server we do not control
 * can send a body without end inside any timeout (issue 8: a never-ending 200 grew a client to 3.5 GB), so
 * `response.text()` is never used on one. Past the limit the stream is cancelled, which makes fetch drop the
 * connection: the socket is released and no further byte is buffered. A `Content-Length` already over the
 * limit is refused before reading; with a `Content-Encoding` it counts compressed bytes, so it is not trusted
 * then and the decoded bytes are counted instead. Decoding is streamed, so a character split between two
 * chunks comes out whole; as with `text()`, a leading BOM is dropped and invalid bytes become U+FFFD.
 */
export async function readBodyCapped(response: Response, maxBytes: number): Promise<CappedBody> {
  if (declaredLength(response.headers) > maxBytes) {
    await cancelQuietly(response.body);
    return { ok: false, limitBytes: maxBytes };
  }
  if (!response.body) return { ok: true, text: "" };
  const reader = response.body.getReader();
  const decoder = new TextDecoder("utf-8");
  const parts: string[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, limitBytes: maxBytes };
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return { ok: true, text: parts.join("") };
}

/** "16 MiB", "64 KiB", "1000 bytes": a limit exactly as set, in the largest unit that divides it. */
export function formatBytes(bytes: number): string {
  for (const [unit, size] of [
    ["GiB", 2 ** 30],
    ["MiB", 2 ** 20],
    ["KiB", 2 ** 10],
  ] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} bytes`;
}

/** The uncompressed size the server announced, or 0 when it announced none we can trust. */
function declaredLength(headers: Headers): number {
  const encoding = headers.get("content-encoding")?.trim().toLowerCase();
  if (encoding && encoding !== "identity") return 0;
  const length = headers.get("content-length")?.trim() ?? "";
  return /^\d+$/.test(length) ? Number(length) : 0;
}

async function cancelQuietly(body: ReadableStream<Uint8Array> | null): Promise<void> {
  await body?.cancel().catch(() => undefined);
}
