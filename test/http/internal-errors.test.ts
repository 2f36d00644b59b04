import { describe, expect, it } from "vitest";
import { Cafe24HttpError } from "../../src/http/cafe24-http-error.js";
import { scriptedClient } from "../helpers/scripted-server.js";

describe("Cafe24Client — a bug is not a network failure", () => {
  it("lets an error raised while reading a delivered answer through, instead of calling it CAFE24_NETWORK and retrying", async () => {
    let sent = 0;
    const client = scriptedClient(
      { baseUrlTemplate: "http://127.0.0.1:9/malls/{mall_id}", requests: [], close: async () => {} },
      {
        fetch: async () => {
          sent += 1;
          const response = new Response('{"products":[]}', { status: 200 });
          // Stands in for a defect in our own reading of the answer, after the exchange succeeded.
          Object.defineProperty(response, "headers", {
            get() {
              throw new TypeError("reading headers failed");
            },
          });
          return response;
        },
      },
    );
    const error = await client.get("/products").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(Cafe24HttpError);
    expect(sent).toBe(1);
  });
});
