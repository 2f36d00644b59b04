import { Cafe24ApiError, MESSAGES } from "./cafe24-error.js";

/**
 * Reads a request body as text, refusing more than `maxBytes` with 413 without buffering the excess (a
 * declared Content-Length is checked before reading; a streamed body is cut off as soon as it passes the cap).
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new Cafe24ApiError(413, MESSAGES.bodyTooLarge);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Cafe24ApiError(413, MESSAGES.bodyTooLarge);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
