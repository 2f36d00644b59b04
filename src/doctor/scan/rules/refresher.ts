import type { Language } from "../languages.js";
import type { ProjectFacts, RuleHit, ScannedSource, SourceRule } from "../scan-types.js";

/**
 * A refresh grant being SENT: `grant_type=refresh_token` in a form string, or grant_type keyed to the literal
 * "refresh_token" in a dict, object, map, hash, form builder or url.Values. Reading the grant (a server's
 * `grant_type === "refresh_token"`) and declaring its type (`grant_type: "refresh_token" | …`) are not.
 */
const SENDS_REFRESH_GRANT =
  /grant_type\s*=\s*refresh_token\b|["']?\bgrant_type["']?\]?\s*(?:=>|:|=(?!=)|,|\s+to\s+)\s*(?:\[\s*|\{\s*|array\(\s*|listOf\(\s*)?["']refresh_token["'](?!\s*\|)/;

/** Cafe24's token endpoint: its path, or the API host a base URL names. */
const CAFE24_TOKEN_URL = /\/api\/v2\/oauth\/token|cafe24api\.com/;

/**
 * A server declaring the token route (an emulator, a mock, a proxy): the path there is what it answers, not
 * what it calls.
 */
const ROUTE_DECLARATION =
  /(?:\b(?:app|router|server|fastify|hono|route|routes|mux)\.(?:post|all|route|use|on|handle|HandleFunc|Handle|POST|Any)\s*\(\s*["'`]\/api\/v2\/oauth\/token)|@\w*(?:Mapping|route|post|Post|Path)\s*\(\s*(?:value\s*=\s*|path\s*=\s*)?["']\/api\/v2\/oauth\/token|\bHandleFunc\s*\(\s*["']\/api\/v2\/oauth\/token|Route::\w+\(\s*["']\/api\/v2\/oauth\/token|^\s*post\s+["']\/api\/v2\/oauth\/token/;

/** An HTTP request leaving the process, in the idioms of each language's common clients. */
const HTTP_CALL: Readonly<Record<Language, RegExp>> = {
  python: /(?<![@\w.])[A-Za-z_][\w.]*\.(?:post|request)\s*\(|\burlopen\s*\(|\burllib\.request\.Request\s*\(/,
  javascript:
    /\bfetch\s*\(|\baxios(?:\.(?:post|request))?\s*\(|\bgot(?:\.post)?\s*\(|\b(?:https?|request|needle|superagent|ky|ofetch)\.(?:post|request)\s*\(|(?<![\w.$])[A-Za-z_$][\w$.]*\.post\s*\(/,
  php: /\bcurl_(?:init|exec)\s*\(|\bwp_remote_post\s*\(|->(?:post|request|sendRequest)\s*\(|\bHttp::(?:\w+\([^)]*\)\s*->\s*)*post\s*\(|\bfile_get_contents\s*\(|\bstream_context_create\s*\(/,
  java: /\bHttpRequest\.newBuilder\b|\.POST\s*\(|\bRequest\.Builder\s*\(|\.post\s*\(|\brestTemplate\.\w+\s*\(|\bWebClient\b|\bopenConnection\s*\(|\bUnirest\.post\b|\bnew\s+HttpPost\s*\(|\.exchange\s*\(/,
  kotlin:
    /\bHttpRequest\.newBuilder\b|\.POST\s*\(|\bRequest\.Builder\s*\(|\.post\s*\(|\bsubmitForm\s*\(|\bopenConnection\s*\(|\bFuel\.post\b|\brestTemplate\.\w+\s*\(|\bWebClient\b/,
  ruby: /\bNet::HTTP\b|\bHTTParty\.post\b|\bFaraday\b|\bRestClient\.post\b|\.post\s*\(|\bpost_form\b|\bHTTP\.post\b|\bExcon\.post\b|\bTyphoeus\b/,
  go: /\bhttp\.(?:PostForm|Post|NewRequest|NewRequestWithContext)\s*\(|\.(?:PostForm|Do)\s*\(|\.Post\s*\(/,
};

/**
 * A constant holding Cafe24's token URL (`CAFE24_TOKEN_URL = f"https://{MALL}.cafe24api.com/api/v2/oauth/token"`):
 * settings modules keep it for the code elsewhere that posts to it. Upper case, named for a token or OAuth URL.
 */
const TOKEN_URL_CONSTANT =
  /\b([A-Z][A-Z0-9_]*(?:TOKEN|OAUTH)[A-Z0-9_]*)\s*(?::\s*\w+\s*)?(?::=|=(?!=))\s*(?:[fr]?["'`])[^"'`\n]*\/api\/v2\/oauth\/token/;

/** The constants of a source that hold Cafe24's token URL. */
export function tokenUrlConstants(lines: readonly string[]): string[] {
  return lines.flatMap((line) => {
    const name = ROUTE_DECLARATION.test(line) ? undefined : TOKEN_URL_CONSTANT.exec(line)?.[1];
    return name ? [name] : [];
  });
}

/**
 * A Cafe24 SDK's refresh, called from the project: cafe24-api-client's
 * `client.getAccessTokenUsingRefreshToken({ …, refreshToken })` posts the grant for its caller.
 */
const SDK_REFRESH: Partial<Record<Language, RegExp>> = {
  javascript: /\.getAccessTokenUsingRefreshToken\s*\(/,
};

/** How far (in lines) the request may be from the grant it sends: one function, not the whole file. */
const CALL_DISTANCE = 40;

/**
 * REFRESHER: client code that posts a refresh grant to Cafe24's token endpoint. All three must be there — the
 * grant sent, an HTTP request near it, and Cafe24's token URL: in the same file (a route declaration does not
 * count), or near the request as a constant the project defines for it — so a library wrapper handed the URL
 * by its caller, a server that answers the grant and a comment that shows it are not refreshers. A Cafe24 SDK's
 * refresh method called from the project is one (SDK_REFRESH).
 */
export const refresherRule: SourceRule = {
  id: "REFRESHER",
  deferred: {
    keeps: (code) => code.includes("grant_type") || code.includes("getAccessTokenUsingRefreshToken"),
  },
  find(source: ScannedSource, project: ProjectFacts): RuleHit[] {
    const { lines } = source;
    const urlInFile = lines.some((line) => CAFE24_TOKEN_URL.test(line) && !ROUTE_DECLARATION.test(line));
    const call = HTTP_CALL[source.language];
    const calls = lines.flatMap((line, index) =>
      call.test(line) && !ROUTE_DECLARATION.test(line) ? [index] : [],
    );
    const hits: RuleHit[] = [];
    const sdk = SDK_REFRESH[source.language];
    lines.forEach((line, index) => {
      if (sdk?.test(line)) {
        hits.push({ index });
        return;
      }
      if (!SENDS_REFRESH_GRANT.test(line)) return;
      const near = calls.filter((at) => Math.abs(at - index) <= CALL_DISTANCE);
      if (near.length === 0) return;
      if (urlInFile || near.some((at) => namesTokenUrl(lines, at, project))) hits.push({ index });
    });
    return hits;
  },
};

/** Whether the request starting on line `at` (or the next few, for a call split over lines) names a token URL constant. */
function namesTokenUrl(lines: readonly string[], at: number, project: ProjectFacts): boolean {
  if (project.tokenUrlNames.size === 0) return false;
  const call = lines.slice(at, at + 3).join("\n");
  for (const name of project.tokenUrlNames) if (new RegExp(`\\b${name}\\b`).test(call)) return true;
  return false;
}
