/**
 * Headers that say how the bytes travelled, not what Cafe24 answered: they differ between any two servers and
 * proxies and would bury the divergences that matter.
 */
const TRANSPORT = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
]);

const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** The format of a header's value: `n/n` for X-Api-Call-Limit, `http-date`, `decimal`, a media type, … */
export function headerFormat(name: string, value: string): string {
  const v = value.trim();
  if (name === "content-type") return `media:${v.split(";")[0]?.trim().toLowerCase() ?? ""}`;
  if (v === "") return "empty";
  if (/^\d+\/\d+$/.test(v)) return "n/n";
  if (HTTP_DATE.test(v)) return "http-date";
  if (/^\d+$/.test(v)) return "integer";
  if (/^\d+\.\d+$/.test(v)) return "decimal";
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return "YYYY-MM-DD";
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return "uuid";
  return "text";
}

/** Every header's name (lower case) and value format, transport headers left out, sorted by name. */
export function headerFormats(headers: Headers): Record<string, string> {
  const out: [string, string][] = [];
  headers.forEach((value, name) => {
    const key = name.toLowerCase();
    if (!TRANSPORT.has(key)) out.push([key, headerFormat(key, value)]);
  });
  return Object.fromEntries(out.sort(([a], [b]) => a.localeCompare(b)));
}
