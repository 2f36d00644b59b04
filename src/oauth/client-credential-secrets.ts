/**
 * The client secret and every form the Basic header carries it in — base64 of `client_id:client_secret`,
 * standard and URL-safe, with and without padding — for `scrubSecrets`: a server that echoes the header
 * must not put the secret into an error.
 */
export function clientCredentialSecrets(clientId: string, clientSecret: string): string[] {
  if (!clientSecret) return [];
  const standard = Buffer.from(`${clientId}:${clientSecret}`).toString("base64");
  const urlSafe = standard.replaceAll("+", "-").replaceAll("/", "_");
  return [clientSecret, standard, standard.replace(/=+$/, ""), urlSafe, urlSafe.replace(/=+$/, "")];
}
