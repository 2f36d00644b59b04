import { describe, expect, it } from "vitest";
import { headerFormat, headerFormats } from "../../src/conformance/header-shape.js";
import { scrubMessage } from "../../src/conformance/scrub-message.js";
import { shapeOf, stringFormat } from "../../src/conformance/value-shape.js";

describe("the shape of a JSON value", () => {
  it("spells dates as their pattern, offset kept, and names other strings by format only", () => {
    expect(stringFormat("2026-11-27T20:41:00+09:00")).toBe("YYYY-MM-DDTHH:mm:ss+09:00");
    expect(stringFormat("2026-11-27T20:41:00.000")).toBe("YYYY-MM-DDTHH:mm:ss.SSS");
    expect(stringFormat("2026-11-27 20:41:00")).toBe("YYYY-MM-DD HH:mm:ss");
    expect(stringFormat("2026-11-27")).toBe("YYYY-MM-DD");
    expect(stringFormat("12000.00")).toBe("decimal-string");
    expect(stringFormat("T")).toBe("T|F");
    expect(stringFormat("hong@example.com")).toBe("email");
    expect(stringFormat("https://shop.example/p/1")).toBe("url");
    expect(stringFormat("홍길동")).toBe("text");
    expect(stringFormat("")).toBe("empty");
  });

  it("summarises an array by the union of its items' shapes, objects merged key by key", () => {
    const shape = shapeOf({
      items: [
        { a: 1, b: "x" },
        { a: 2.5, c: null },
      ],
      empty: [],
    });
    expect(shape).toEqual({
      type: "object",
      keys: {
        empty: { type: "array", items: null },
        items: {
          type: "array",
          items: {
            type: "object",
            keys: {
              a: { type: "union", of: [{ type: "integer" }, { type: "number" }] },
              b: { type: "string", format: "text" },
              c: { type: "null" },
            },
          },
        },
      },
    });
    expect(JSON.stringify(shape)).not.toContain('"x"');
  });

  it("redacts a key that is itself a private value", () => {
    expect(shapeOf({ mymall01: { n: 1 } }, (key) => key === "mymall01")).toEqual({
      type: "object",
      keys: { "<redacted-key>": { type: "object", keys: { n: { type: "integer" } } } },
    });
  });
});

describe("header formats", () => {
  it("records X-Api-Call-Limit as n/n, Date as http-date, the usage headers as decimal, never the values", () => {
    const headers = new Headers({
      "X-Api-Call-Limit": "3/40",
      Date: "Fri, 27 Nov 2026 11:41:00 GMT",
      "X-Cafe24-Call-Usage": "0.10",
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": "123",
      "Set-Cookie": "session=abcdef0123456789",
    });
    expect(headerFormats(headers)).toEqual({
      "content-type": "media:application/json",
      date: "http-date",
      "set-cookie": "text",
      "x-api-call-limit": "n/n",
      "x-cafe24-call-usage": "decimal",
    });
    expect(headerFormat("x-cafe24-call-remain", "2990")).toBe("integer");
  });
});

describe("a server message made safe to share", () => {
  it("replaces echoed private values, credentials, e-mails, phone numbers, order ids and timestamps", () => {
    const known = ["mymall01", "s3cr3tValueOfTheApp"];
    expect(scrubMessage("Mall mymall01 rejected s3cr3tValueOfTheApp", known)).toBe(
      "Mall <value> rejected <value>",
    );
    expect(scrubMessage("No order 20261127-0000012 for hong@example.com / 010-1234-5678", [])).toBe(
      "No order <order_id> for <email> / <phone>",
    );
    expect(scrubMessage("The API version '2024-06-01' has expired.", [])).toBe(
      "The API version '<date>' has expired.",
    );
    expect(scrubMessage("Bearer abcdefghijklmnopqrstuvwx is invalid", [])).not.toContain(
      "abcdefghijklmnopqrstuvwx",
    );
    expect(scrubMessage("Invalid client_secret", known)).toBe("Invalid client_secret");
  });

  it("replaces a mall id that is a plain word only where it stands alone, not inside Cafe24's parameter names", () => {
    expect(scrubMessage("shop_no must be an integer; mall shop has no shop-2", ["shop"])).toBe(
      "shop_no must be an integer; mall <value> has no shop-2",
    );
  });
});
