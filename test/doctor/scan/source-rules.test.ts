import { describe, expect, it } from "vitest";
import { codeView } from "../../../src/doctor/scan/code-view.js";
import { languageOf } from "../../../src/doctor/scan/languages.js";
import { maskedExcerpt } from "../../../src/doctor/scan/masked-excerpt.js";
import { SOURCE_RULES } from "../../../src/doctor/scan/source-rules.js";

const NO_FACTS = { tokenUrlNames: new Set<string>() };

/** "RULE:line" for every place the rules find in one file named `name`. */
function found(name: string, lines: string[]): string[] {
  const language = languageOf(name);
  if (!language) throw new Error(`no language for ${name}`);
  const source = { rel: name, language, lines: codeView(lines.join("\n"), language).split("\n") };
  return SOURCE_RULES.flatMap((rule) =>
    rule.find(source, NO_FACTS).map((hit) => `${rule.id}:${hit.index + 1}`),
  );
}

describe("REFRESHER", () => {
  it("is an HTTP call sending grant_type=refresh_token to Cafe24's token URL", () => {
    expect(
      found("refresh.py", [
        'URL = "https://shop.cafe24api.com/api/v2/oauth/token"',
        'requests.post(URL, data={"grant_type": "refresh_token", "refresh_token": rt})',
      ]),
    ).toEqual(["REFRESHER:2"]);
  });

  it("is a grant set item by item, posted to a token URL constant the project's settings define", () => {
    const source = {
      rel: "tasks.py",
      language: "python" as const,
      lines: [
        "payload = {}",
        'payload["grant_type"] = "refresh_token"',
        "return requests.post(settings.CAFE24_TOKEN_URL, data=payload)",
      ],
    };
    const refresher = SOURCE_RULES.find((rule) => rule.id === "REFRESHER");
    expect(refresher?.find(source, { tokenUrlNames: new Set(["CAFE24_TOKEN_URL"]) })).toEqual([{ index: 1 }]);
    expect(refresher?.find(source, { tokenUrlNames: new Set(["OTHER_TOKEN_URL"]) })).toEqual([]);
  });

  it("is a call of a Cafe24 SDK's refresh, not the SDK defining it", () => {
    expect(
      found("sync.js", [
        "const { data } = await client.getAccessTokenUsingRefreshToken({ refreshToken: rt });",
      ]),
    ).toEqual(["REFRESHER:1"]);
    expect(
      found("auth.js", [
        "getAccessTokenUsingRefreshToken: function (request, options) {",
        '  return self.createRequest("POST", "/api/v2/oauth/token", { grant_type: "refresh_token" });',
        "},",
      ]),
    ).toEqual([]);
  });

  it("is not a server that answers the grant (an emulator's or a mock's token route)", () => {
    expect(
      found("server.ts", [
        'app.post("/api/v2/oauth/token", async (c) => {',
        "  const form = await c.req.parseBody();",
        '  if (form.grant_type === "refresh_token") return c.json(await rotate(form.refresh_token));',
        "});",
      ]),
    ).toEqual([]);
  });

  it("is not a library wrapper that gets the URL from elsewhere, nor a type declaring the grant", () => {
    expect(
      found("refresh-token.ts", [
        'type Grant = { grant_type: "refresh_token" | "authorization_code" };',
        'export const refresh = (rt: string) => postOAuthForm({ grant_type: "refresh_token", refresh_token: rt });',
      ]),
    ).toEqual([]);
  });

  it("is not a refresh shown in a comment or a docstring", () => {
    expect(
      found("notes.py", [
        '"""Do not do this:',
        '    requests.post("https://shop.cafe24api.com/api/v2/oauth/token", data={"grant_type": "refresh_token"})',
        '"""',
        '# requests.post("https://shop.cafe24api.com/api/v2/oauth/token", data={"grant_type": "refresh_token"})',
      ]),
    ).toEqual([]);
    expect(
      found("notes.js", [
        `/* fetch(\`https://\${mall}.cafe24api.com/api/v2/oauth/token\`, {`,
        '     body: new URLSearchParams({ grant_type: "refresh_token" }) }) */',
        '// axios.post("https://x.cafe24api.com/api/v2/oauth/token", { grant_type: "refresh_token" })',
      ]),
    ).toEqual([]);
  });

  it("needs the request near the grant, not anywhere in a long file", () => {
    const filler = Array.from({ length: 60 }, (_, i) => `x${i} = ${i}`);
    expect(
      found("far.py", [
        'URL = "https://shop.cafe24api.com/api/v2/oauth/token"',
        'FORM = {"grant_type": "refresh_token"}',
        ...filler,
        'requests.post("https://example.com/hook", json={})',
      ]),
    ).toEqual([]);
  });
});

describe("NAIVE_EXPIRY_PARSE", () => {
  it("flags naive and UTC parses of expires_at in each language", () => {
    expect(found("a.py", ['exp = datetime.fromisoformat(token["expires_at"])'])).toEqual([
      "NAIVE_EXPIRY_PARSE:1",
    ]);
    expect(found("a.py", ["if datetime.utcnow() > expires_at:"])).toEqual(["NAIVE_EXPIRY_PARSE:1"]);
    expect(found("a.js", ["const at = Date.parse(body.refresh_token_expires_at);"])).toEqual([
      "NAIVE_EXPIRY_PARSE:1",
    ]);
    expect(found("a.php", ['$at = new DateTime($token["expires_at"]);'])).toEqual(["NAIVE_EXPIRY_PARSE:1"]);
    expect(found("A.kt", ["val at = LocalDateTime.parse(token.expiresAt)"])).toEqual([
      "NAIVE_EXPIRY_PARSE:1",
    ]);
    expect(found("a.rb", ['at = DateTime.parse(token["expires_at"])'])).toEqual(["NAIVE_EXPIRY_PARSE:1"]);
    expect(found("a.go", ["at, _ := time.Parse(layout, tok.ExpiresAt)"])).toEqual(["NAIVE_EXPIRY_PARSE:1"]);
  });

  it("accepts a parse in Asia/Seoul, in the statement or through a zone the file defines", () => {
    expect(
      found("a.py", [
        'KST = ZoneInfo("Asia/Seoul")',
        'exp = datetime.strptime(token["expires_at"], FMT)',
        "exp = exp.replace(tzinfo=KST)",
      ]),
    ).toEqual([]);
    expect(found("a.js", [`const at = new Date(\`\${token.expires_at}+09:00\`);`])).toEqual([]);
    expect(found("a.go", ["at, _ := time.ParseInLocation(layout, tok.ExpiresAt, seoul)"])).toEqual([]);
    expect(
      found("a.php", ["date_default_timezone_set('Asia/Seoul');", "$at = strtotime($token['expires_at']);"]),
    ).toEqual([]);
  });

  it("accepts epoch numbers and the offset-bearing answer of watch's endpoint", () => {
    expect(found("a.js", ["const at = new Date(session.expires_at * 1000);"])).toEqual([]);
    expect(
      found("a.js", [
        `const body = await (await fetch(\`\${base}/v1/malls/\${mall}/access-token\`)).json();`,
        "const at = new Date(body.expires_at);",
      ]),
    ).toEqual([]);
  });
});

describe("LITERAL_SECRET", () => {
  it("flags a credential-looking literal assigned to or keyed by a credential name, and masks it", () => {
    const secret = "a8Fk2LmQ9xZp4TbW7cRd1e";
    const places = found("c.py", [
      `CLIENT_SECRET = "${secret}"`,
      `headers = {"access_token": "${secret}"}`,
      `token = os.getenv("CAFE24_REFRESH_TOKEN", "${secret}")`,
    ]);
    expect(places).toEqual(["LITERAL_SECRET:1", "LITERAL_SECRET:2", "LITERAL_SECRET:3"]);
    expect(maskedExcerpt(`CLIENT_SECRET = "${secret}"`, secret)).toBe('CLIENT_SECRET = "a8…1e"');
  });

  it("leaves placeholders, empty strings, environment lookups and field names alone", () => {
    expect(
      found("c.js", [
        'const clientSecret = "";',
        'const accessToken = "your-access-token-here";',
        'const refreshToken = "xxxxxxxxxxxxxxxxxxxxxxxx";',
        "const client_secret = process.env.CAFE24_CLIENT_SECRET;",
        'const fields = { refresh_token: "refresh_token_expires_at" };',
        `const access_token = "\${ACCESS_TOKEN}";`,
      ]),
    ).toEqual([]);
  });
});

describe("NON_ATOMIC_TOKEN_WRITE", () => {
  it("flags the token file rewritten in place", () => {
    expect(found("w.py", ['with open("oauth_token.json", "w") as f:', "    json.dump(data, f)"])).toEqual([
      "NON_ATOMIC_TOKEN_WRITE:1",
    ]);
    expect(found("w.py", ["with open(path, 'w') as f:", "    json.dump(token, f)"])).toEqual([
      "NON_ATOMIC_TOKEN_WRITE:1",
    ]);
    expect(found("w.js", ["await fs.promises.writeFile(tokenFile, JSON.stringify(t));"])).toEqual([
      "NON_ATOMIC_TOKEN_WRITE:1",
    ]);
  });

  it("accepts a temp file renamed over it, and writes of other files", () => {
    expect(
      found("w.js", [
        `writeFileSync(\`\${tokenFile}.tmp\`, JSON.stringify(t));`,
        `renameSync(\`\${tokenFile}.tmp\`, tokenFile);`,
      ]),
    ).toEqual([]);
    expect(
      found("w.py", [
        'with open(TOKEN_FILE, "w") as f:',
        "    json.dump(token, f)",
        "os.replace(tmp, TOKEN_FILE)",
      ]),
    ).toEqual([]);
    expect(found("w.py", ['with open("report.csv", "w") as f:', "    f.write(rows)"])).toEqual([]);
  });
});
