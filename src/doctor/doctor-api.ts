import { HEADER } from "../cafe24/headers.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import type { Cafe24Client } from "../http/cafe24-client.js";
import { Cafe24HttpError } from "../http/cafe24-http-error.js";
import type { Query } from "../http/request-target.js";

/** One Admin API answer as checks read it: never thrown, always inspectable. */
export interface ApiAnswer<T = unknown> {
  path: string;
  ok: boolean;
  status: number | undefined;
  data: T | undefined;
  headers: Headers | undefined;
  /** The typed error for anything but a 2xx (HTTP status, network, timeout, DIAGNOSIS_BUDGET_SPENT). */
  error: DoctorError | undefined;
  /** Cafe24's error message from the envelope, when there was one (an echoed token is masked: Cafe24HttpError). */
  cafe24Message: string | undefined;
  ms: number;
}

/** "The whole check spends at most 20 API calls (half a bucket)." */
export const DEFAULT_API_BUDGET = 20;

/**
 * The doctor's window on the Admin API: paced through Cafe24Client (configured read-only: no refresh, no
 * retries), capped at a call budget, and remembering every answer for the checks that read headers
 * afterwards (clock, rate-limit headroom).
 */
export class DoctorApi {
  readonly answers: ApiAnswer[] = [];
  private spent = 0;

  constructor(
    private readonly client: Cafe24Client,
    readonly budget: number = DEFAULT_API_BUDGET,
  ) {}

  get callsSpent(): number {
    return this.spent;
  }

  async get<T = unknown>(
    path: string,
    options: { query?: Query; signal?: AbortSignal } = {},
  ): Promise<ApiAnswer<T>> {
    const started = performance.now();
    if (this.spent >= this.budget) {
      return this.remember<T>(path, started, {
        error: new DoctorError(
          ERROR_CODES.budgetSpent,
          `Not sent: the diagnosis has spent its budget of ${this.budget} API calls.`,
        ),
      });
    }
    this.spent += 1;
    try {
      const response = await this.client.get<T>(path, options);
      return this.remember<T>(path, started, {
        status: response.status,
        data: response.data,
        headers: response.headers,
      });
    } catch (error) {
      // The client turns every failure of the call into a DoctorError; anything else is a bug on this side,
      // which the runner reports as a crashed check rather than as trouble on the network.
      if (!(error instanceof DoctorError) || error.code === ERROR_CODES.aborted) throw error;
      const http = error instanceof Cafe24HttpError ? error : undefined;
      return this.remember<T>(path, started, {
        error,
        status: http?.status,
        headers: http?.responseHeaders,
        cafe24Message: http?.cafe24?.message,
      });
    }
  }

  /** The newest answer that carried the given header. */
  latestWith(header: string): ApiAnswer | undefined {
    return [...this.answers].reverse().find((a) => a.headers?.has(header));
  }

  /** Newest `X-Api-Call-Limit` seen. */
  latestCallLimit(): string | undefined {
    return this.latestWith(HEADER.callLimit)?.headers?.get(HEADER.callLimit) ?? undefined;
  }

  private remember<T>(
    path: string,
    started: number,
    fields: Partial<Pick<ApiAnswer<T>, "status" | "data" | "headers" | "error" | "cafe24Message">>,
  ): ApiAnswer<T> {
    const answer: ApiAnswer<T> = {
      path,
      ok: fields.error === undefined,
      status: fields.status,
      data: fields.data,
      headers: fields.headers,
      error: fields.error,
      cafe24Message: fields.cafe24Message,
      ms: Math.round(performance.now() - started),
    };
    this.answers.push(answer as ApiAnswer);
    return answer;
  }
}
