/** English messages of `cafe24-doctor conformance`: recording how a target answers, and comparing two recordings. */
export const conformanceEn = {
  "conformance.description":
    "measure how Cafe24 (or the emulator) answers a fixed read-only probe set, recording shapes, never data",
  "conformance.run.description":
    "run the probes against the configured mall with its stored token (never refreshes, never writes) and save the recording",
  "conformance.option.out": "where to write the recording (default: conformance-<target>-<KST time>.json)",
  "conformance.option.json": "print the result as JSON",
  "conformance.option.paceMs":
    "pause between calls in ms (at least 600 against Cafe24; any against a local emulator)",
  "conformance.diff.description": "list every way recording B differs from recording A",
  "conformance.diff.argumentA": "the reference recording (e.g. from a real mall)",
  "conformance.diff.argumentB": "the recording to compare (e.g. from the emulator)",
  "conformance.noToken":
    "No token is stored for mall {mallId}. Run `cafe24-doctor token login` first, then run the probes again.",
  "conformance.tokenExpired":
    "The stored access token of mall {mallId} has expired or expires within minutes; the probes never refresh it. Run `cafe24-doctor token refresh` first.",
  "conformance.run.start": "Probing {host} ({count} read-only calls, {paceMs} ms apart)…",
  "conformance.run.stopped":
    "Cafe24 answered 429 (rate limit): stopped after {count} probes to leave the mall alone. The partial recording is saved; run again later.",
  "conformance.run.saved": "Saved {count} probe results to {file} (readable by you only).",
  "conformance.run.share":
    "It holds shapes only: status codes, error messages, header names and formats, JSON keys and types. Look it over before you share it.",
  "conformance.recordingLabel": "{kind} {host}, {at}, {probes} probes",
  "conformance.diff.same": "No divergences: B answers every probe as A does.",
  "conformance.diff.count": "{count} divergences in {probes} probes.",
  "conformance.kind.probe-missing": "probe recorded on one side only",
  "conformance.kind.status": "status differs",
  "conformance.kind.error-code": "error code differs",
  "conformance.kind.error-message": "error message differs",
  "conformance.kind.body-kind": "body kind differs",
  "conformance.kind.key-missing": "key missing in B",
  "conformance.kind.key-extra": "extra key in B",
  "conformance.kind.type": "type differs",
  "conformance.kind.format": "value format differs",
  "conformance.kind.date-format": "date format differs",
  "conformance.kind.header-missing": "header missing in B",
  "conformance.kind.header-extra": "extra header in B",
  "conformance.kind.header-format": "header format differs",
} as const;
