import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { z } from "zod";
import { formatKstNaive } from "../cafe24/kst.js";
import { cafe24Instant, cafe24TokenResponseSchema, tokenSetFrom } from "../cafe24/token-response.js";
import type { TokenSet } from "../cafe24/token-set.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { formatZodIssues } from "../util/format-zod-issues.js";

/** A token file is ~1 KB; anything past this is not one, and is refused before it is read or parsed. */
export const MAX_TOKEN_FILE_BYTES = 1024 * 1024;
export const TOKEN_FILE_VERSION = 1;

/** Traits of files written by other tools (the old Python toolkit, editors) that we read but never write. */
export type LegacyTrait =
  | "utf8-bom"
  | "microsecond-timestamps"
  | "client-secret"
  | "expires-in"
  | "token-date"
  | "no-mall-id";

export interface TokenFileContents {
  token: TokenSet;
  /** Our metadata's revision, or a hash of the bytes for files we did not write. */
  revision: string;
  receivedAt: number | null;
  legacy: LegacyTrait[];
  /** The file holds the app's client secret (old toolkit): a doctor check should warn and we never copy it. */
  hasClientSecret: boolean;
  /** The file's own mall_id; undefined for legacy files, which belong to whichever mall asks. */
  fileMallId: string | undefined;
}

const metadataSchema = z.object({
  version: z
    .number()
    .int()
    .positive()
    .max(TOKEN_FILE_VERSION, "written by a newer cafe24-doctor; upgrade it"),
  received_at: cafe24Instant.nullish(),
  revision: z.string().min(1).nullish(),
});

const tokenFileSchema = cafe24TokenResponseSchema.extend({
  expires_at: cafe24Instant.nullish(),
  expires_in: z.union([z.number().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]).nullish(),
  token_date: cafe24Instant.nullish(),
  client_secret: z.string().nullish(),
  _cafe24_doctor: metadataSchema.nullish(),
});

const READ_NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

const TIME_FIELDS = ["expires_at", "refresh_token_expires_at", "issued_at", "token_date"] as const;

/** Reads a token file; undefined when it does not exist. A symbolic link is refused unless `followSymlinks`. */
export async function readTokenFile(
  path: string,
  mallId: string,
  options: { followSymlinks?: boolean } = {},
): Promise<TokenFileContents | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, options.followSymlinks ? constants.O_RDONLY : READ_NO_FOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    if (code === "ELOOP") throw symlinkRefused(path);
    throw tokenStoreIo(path, "read", error);
  }
  let bytes: Buffer;
  try {
    const { size } = await handle.stat();
    if (size > MAX_TOKEN_FILE_BYTES)
      throw tokenFileInvalid(path, [`the file is ${size} bytes; a token file is a few hundred`]);
    bytes = await handle.readFile();
  } catch (error) {
    if (error instanceof DoctorError) throw error;
    throw tokenStoreIo(path, "read", error);
  } finally {
    await handle.close();
  }
  return parseTokenFile(bytes, { path, mallId });
}

/**
 * Parses any token file shape users have: Cafe24's answer, ours (plus `_cafe24_doctor`), and the old
 * toolkit's (microsecond timestamps with a fake `.000`, `client_secret`, `expires_in` + `token_date`).
 */
export function parseTokenFile(
  bytes: Uint8Array,
  where: { path: string; mallId: string },
): TokenFileContents {
  const legacy: LegacyTrait[] = [];
  const fail = (problems: string[]) => tokenFileInvalid(where.path, problems);
  if (bytes.length > MAX_TOKEN_FILE_BYTES)
    throw fail([`the file is ${bytes.length} bytes; a token file is a few hundred`]);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw fail(["the file is UTF-16 text; save it as UTF-8"]);
  }
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    legacy.push("utf8-bom");
    body = bytes.subarray(3);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw fail(["the file is not UTF-8 text"]);
  }
  if (text.trim() === "") throw fail(["the file is empty"]);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse messages quote the text around the error, which may be a token: say only what it is.
    throw fail(["the file is not valid JSON (truncated or corrupted)"]);
  }
  const parsed = tokenFileSchema.safeParse(json);
  if (!parsed.success) throw fail(formatZodIssues(parsed.error));
  const data = parsed.data;
  const raw = json as Record<string, unknown>;

  if (TIME_FIELDS.some((key) => typeof raw[key] === "string" && /\.\d{4,}\.000$/.test(raw[key]))) {
    legacy.push("microsecond-timestamps");
  }
  if (data.client_secret) legacy.push("client-secret");
  if (data.expires_in != null) legacy.push("expires-in");
  if (data.token_date != null) legacy.push("token-date");
  if (!data.mall_id) legacy.push("no-mall-id");

  const start = data.token_date ?? data.issued_at;
  const expiresAt =
    data.expires_at ??
    (data.expires_in != null && start != null ? start + data.expires_in * 1000 : undefined);
  if (expiresAt === undefined) {
    throw fail(["expires_at: missing, and no expires_in with token_date or issued_at to compute it from"]);
  }
  const token = tokenSetFrom({ ...data, expires_at: expiresAt }, where.mallId);
  if (token.issuedAt === null && data.token_date != null) token.issuedAt = data.token_date;
  const metadata = data._cafe24_doctor;
  return {
    token,
    revision: metadata?.revision ?? `sha256-${createHash("sha256").update(bytes).digest("hex").slice(0, 32)}`,
    receivedAt: metadata?.received_at ?? null,
    legacy,
    hasClientSecret: Boolean(data.client_secret),
    fileMallId: data.mall_id || undefined,
  };
}

/** Cafe24's token JSON for `token` (offset-less KST times, as Cafe24 answers). Never a client secret. */
export function cafe24TokenJson(token: TokenSet): Record<string, unknown> {
  return {
    access_token: token.accessToken,
    expires_at: formatKstNaive(token.accessTokenExpiresAt),
    refresh_token: token.refreshToken,
    ...(token.refreshTokenExpiresAt === null
      ? {}
      : { refresh_token_expires_at: formatKstNaive(token.refreshTokenExpiresAt) }),
    ...(token.clientId ? { client_id: token.clientId } : {}),
    mall_id: token.mallId,
    ...(token.userId ? { user_id: token.userId } : {}),
    scopes: token.scopes,
    ...(token.issuedAt === null ? {} : { issued_at: formatKstNaive(token.issuedAt) }),
    ...(token.shopNo ? { shop_no: token.shopNo } : {}),
    token_type: "Bearer",
  };
}

/** Cafe24's token JSON for `token` plus our metadata. Never a client secret, whatever the file held before. */
export function serializeTokenFile(
  token: TokenSet,
  metadata: { receivedAt: number; revision: string },
): string {
  const json = {
    ...cafe24TokenJson(token),
    _cafe24_doctor: {
      version: TOKEN_FILE_VERSION,
      received_at: `${formatKstNaive(metadata.receivedAt)}+09:00`,
      revision: metadata.revision,
    },
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

export function tokenFileInvalid(path: string, problems: string[]): DoctorError {
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : "";
  return new DoctorError(
    ERROR_CODES.tokenFileInvalid,
    `The token file ${path} is unusable: ${problems[0] ?? "unknown problem"}${more}. Run \`cafe24-doctor token exchange\` to authorize again, or restore the file from backup.`,
    { details: problems },
  );
}

export function tokenStoreIo(path: string, action: string, cause: unknown): DoctorError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? "error";
  return new DoctorError(
    ERROR_CODES.tokenStoreIo,
    `Could not ${action} the token file ${path} (${code}). Check that the path exists and is readable and writable by this user.`,
    { cause },
  );
}

export function symlinkRefused(path: string): DoctorError {
  return new DoctorError(
    ERROR_CODES.tokenStoreUnsafe,
    `The token file ${path} is a symbolic link; cafe24-doctor does not read or write tokens through links, since whoever placed it would receive them. Replace the link with the file itself, or opt in to following it (FileTokenStore followSymlinks, config "store": { "type": "file", "followSymlinks": true }) if you put it there.`,
    { details: [path] },
  );
}
