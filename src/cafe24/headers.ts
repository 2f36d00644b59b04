/** Response and request header names Cafe24 uses (cafe24-api.md §1, §4). Lower-case, as fetch exposes them. */
export const HEADER = {
  apiVersion: "x-cafe24-api-version",
  callLimit: "x-api-call-limit",
  callUsage: "x-cafe24-call-usage",
  callRemain: "x-cafe24-call-remain",
  timeUsage: "x-cafe24-time-usage",
  timeRemain: "x-cafe24-time-remain",
  clientId: "x-cafe24-client-id",
} as const;
