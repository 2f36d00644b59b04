import { describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { SMALL_DATA } from "../helpers/emulator.js";
import { clientFor, MALL, startMall, tokensFor, virtualTime } from "./client-fixtures.js";

/** A client on the emulator's clock (rate limit on, waits instant) that records every URL it calls. */
function recordingClient(running: RunningEmulator) {
  const urls: URL[] = [];
  const time = virtualTime(running);
  const client = clientFor(running, tokensFor(running), {
    now: time.now,
    sleep: time.sleep,
    fetch: (input, init) => {
      urls.push(new URL(String(input)));
      return fetch(input, init);
    },
  });
  return { client, urls };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe("paginate", () => {
  it("reaches all 6000 products, past the 5000 offset cap, with since_product_no", {
    timeout: 60_000,
  }, async () => {
    const running = await startMall({ clock: { frozen: true }, data: { ...SMALL_DATA, products: 6000 } });
    const { client, urls } = recordingClient(running);
    const products = await collect(client.paginate<{ product_no: number }>("/products"));
    const numbers = products.map((p) => p.product_no);
    expect(numbers).toHaveLength(6000);
    expect(numbers).toHaveLength(await client.count("/products"));
    expect(numbers.every((n, i) => i === 0 || n > (numbers[i - 1] ?? 0))).toBe(true);
    const lists = urls.filter((u) => u.pathname.endsWith("/products"));
    // 60 full pages of 100, then an empty one; Cafe24 refuses offset next to the cursor.
    expect(lists).toHaveLength(61);
    expect(lists.every((u) => u.searchParams.has("since_product_no") && !u.searchParams.has("offset"))).toBe(
      true,
    );
    expect(running.control.stats(MALL).routes["GET /api/v2/admin/products"]).toBe(61);
    expect(running.control.stats(MALL).responses["429"] ?? 0).toBe(0);
  });

  it("walks orders by limit and offset and matches count()", async () => {
    const running = await startMall({ clock: { frozen: true } });
    const { client, urls } = recordingClient(running);
    const window = { start_date: "2026-10-01", end_date: "2026-11-27" };
    const orders = await collect(
      client.paginate<{ order_id: string }>("/orders", { query: window, pageSize: 50 }),
    );
    const total = await client.count("/orders", window);
    expect(total).toBe(SMALL_DATA.orders);
    expect(orders).toHaveLength(total);
    expect(new Set(orders.map((o) => o.order_id)).size).toBe(total);
    const offsets = urls
      .filter((u) => u.pathname.endsWith("/orders"))
      .map((u) => u.searchParams.get("offset"));
    expect(offsets).toEqual(["0", "50", "100"]);
  });

  it("refuses to stop silently at the offset cap when the filters rule out the cursor", {
    timeout: 60_000,
  }, async () => {
    const running = await startMall({ clock: { frozen: true }, data: { ...SMALL_DATA, products: 6000 } });
    const { client } = recordingClient(running);
    let seen = 0;
    const walk = async () => {
      for await (const _ of client.paginate("/products", { query: { sort: "created_date" } })) seen += 1;
    };
    await expect(walk()).rejects.toMatchObject({ code: ERROR_CODES.invalidRequest });
    // Offsets 0…5000 by 100: every item the cap lets through was yielded first.
    expect(seen).toBe(5100);
  });
});
