import { formatKstIso } from "../cafe24/kst.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import type { FetchLike } from "../util/runtime.js";
import { scrubSecrets } from "../util/scrub-secrets.js";
import type { Alert, AlertSink } from "./alerts.js";

export interface WebhookSinkOptions {
  url: string;
  /** @default globalThis.fetch */
  fetch?: FetchLike;
  /** Shown in logs instead of the URL. */
  name?: string;
}

/** The generic webhook's body: flat and stable, so any receiver (n8n, Zapier, a Lambda) can route on it. */
export function webhookPayload(alert: Alert): Record<string, unknown> {
  return {
    event: alert.event,
    mallId: alert.mallId,
    message: safeMessage(alert),
    at: formatKstIso(alert.at),
    command: alert.command,
  };
}

const HEADLINES: Record<Alert["event"], string> = {
  "reauth-required": "needs re-authorization",
  "refresh-token-expiring": "refresh token is about to expire",
  "refresh-failures": "token refresh keeps failing",
  "app-deleted": "no longer has the app (the merchant deleted it)",
  "app-expired": "no longer has the app (its term expired)",
};

/** Slack incoming-webhook shape: `text` for notifications and old clients, `blocks` for the message itself. */
export function slackPayload(alert: Alert): { text: string; blocks: unknown[] } {
  const headline = `cafe24-doctor: mall ${alert.mallId} ${HEADLINES[alert.event]}`;
  const command = alert.command ? `\nRun: \`${alert.command}\`` : "";
  const message = safeMessage(alert);
  return {
    text: `${headline}. ${message}${command}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${headline}*\n${message}${command}` } },
      { type: "context", elements: [{ type: "mrkdwn", text: `${formatKstIso(alert.at)} · ${alert.event}` }] },
    ],
  };
}

/**
 * Alert messages are worded from codes and instants (MallAlerts), but a payload leaves the machine: anything
 * shaped like a credential is masked all the same.
 */
const safeMessage = (alert: Alert): string => scrubSecrets(alert.message, [], { maxLength: 500 });

/** POSTs `webhookPayload(alert)` as JSON. */
export function jsonWebhookSink(options: WebhookSinkOptions): AlertSink {
  return postingSink(options, options.name ?? "webhook", webhookPayload);
}

/** POSTs `slackPayload(alert)` to a Slack (or Slack-compatible: Mattermost, Discord's /slack) incoming webhook. */
export function slackWebhookSink(options: WebhookSinkOptions): AlertSink {
  return postingSink(options, options.name ?? "slack", slackPayload);
}

function postingSink(options: WebhookSinkOptions, name: string, body: (alert: Alert) => unknown): AlertSink {
  const url = parseUrl(options.url, name);
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  return {
    name,
    async send(alert, signal) {
      let response: Response;
      try {
        response = await fetchFn(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body(alert)),
          // A redirect could carry the alert somewhere the user did not configure.
          redirect: "manual",
          signal,
        });
      } catch {
        throw new Error(signal.aborted ? "no answer before the timeout" : `could not reach ${url.host}`);
      }
      await response.body?.cancel();
      if (!response.ok) throw new Error(`${url.host} answered HTTP ${response.status}`);
    },
  };
}

function parseUrl(value: string, name: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DoctorError(ERROR_CODES.invalidOptions, `The ${name} alert URL is not a valid URL.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new DoctorError(ERROR_CODES.invalidOptions, `The ${name} alert URL must be http(s).`);
  }
  return url;
}
