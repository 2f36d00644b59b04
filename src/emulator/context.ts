import type { EmulatorClock } from "./clock.js";
import type { MallData } from "./data/types.js";
import type { FaultInjector } from "./faults.js";
import type { EmulatorOptions } from "./options.js";
import type { MallState } from "./state/mall.js";
import type { VersionTable } from "./versions.js";
import type { WebhookSender } from "./webhooks/webhook-sender.js";

/** One line of the emulator's request log: no tokens, no query values that could hold personal data. */
export interface RequestLogEntry {
  at: number;
  mallId: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  callLimit?: string;
}

/** Everything a route needs; one per emulator instance. */
export interface EmulatorContext {
  options: EmulatorOptions;
  clock: EmulatorClock;
  versions: VersionTable;
  faults: FaultInjector;
  malls: Map<string, MallState>;
  defaultMallId: string;
  /** Seed data of a mall, generated on first use. */
  dataOf(mall: MallState): MallData;
  onRequest?: (entry: RequestLogEntry) => void;
  /** Sends the app-deleted/expired webhooks to the configured URL. */
  webhooks: WebhookSender;
}
