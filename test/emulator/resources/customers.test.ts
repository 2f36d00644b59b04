import { describe, expect, it } from "vitest";
import { allKeys, call, expect422, type Json, makeMall } from "./helpers.js";

const PERSONAL = ["name", "email", "cellphone", "phone", "address1", "address2", "zipcode", "birthday"];

describe("GET /customers", () => {
  const m = makeMall();
  const [first, second] = m.data.customers;

  it("requires member_id or cellphone (422 with Cafe24's observed wording otherwise)", () => {
    expect422(call(m, "GET", "/customers"), "Please enter the cellphone or member_id parameter.");
    expect422(call(m, "GET", "/customers?limit=10"), "Please enter the cellphone or member_id parameter.");
  });

  it("finds members by full member_id, several at once", () => {
    const r = call(m, "GET", `/customers?member_id=${second?.member_id},${first?.member_id}`);
    expect(r.body.customers.map((c: Json) => c.member_id)).toEqual([first?.member_id, second?.member_id]);
  });

  it("does not match partial values", () => {
    expect(call(m, "GET", `/customers?member_id=${first?.member_id.slice(0, 4)}`).body.customers).toEqual([]);
  });

  it("finds a member by cellphone, with or without hyphens", () => {
    const phone = first?.cellphone ?? "";
    expect(call(m, "GET", `/customers?cellphone=${phone}`).body.customers[0].member_id).toBe(
      first?.member_id,
    );
    expect(
      call(m, "GET", `/customers?cellphone=${phone.replaceAll("-", "")}`).body.customers[0].member_id,
    ).toBe(first?.member_id);
    expect422(call(m, "GET", "/customers?cellphone=010"), "cellphone");
  });

  it("returns only non-personal fields", () => {
    const ids = m.data.customers.map((c) => c.member_id).join(",");
    const r = call(m, "GET", `/customers?member_id=${ids}&limit=100`);
    expect(r.body.customers).toHaveLength(m.data.customers.length);
    const keys = allKeys(r.body);
    for (const key of PERSONAL) expect(keys.has(key)).toBe(false);
    expect(r.body.customers[0]).toMatchObject({ shop_no: 1, member_id: first?.member_id });
    expect(r.body.customers[0]).toHaveProperty("available_points");
  });
});

describe("GET /customersprivacy", () => {
  const m = makeMall();

  it("lists members with personal data, 30 by default", () => {
    const r = call(m, "GET", "/customersprivacy");
    expect(r.body.customersprivacy).toHaveLength(30);
    expect(r.body.customersprivacy[0]).toHaveProperty("name");
    expect(r.body.customersprivacy[0]).toHaveProperty("cellphone");
    expect([...allKeys(r.body)].filter((k) => k.startsWith("_"))).toEqual([]);
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=1001", "limit"],
    ["offset=8001", "offset"],
    ["search_type=name", "search_type"],
    ["created_start_date=2026-01-01", "search_type"],
    ["search_type=created_date", "created_start_date"],
  ])("refuses %s with 422 naming %s", (query, parameter) => {
    expect422(call(m, "GET", `/customersprivacy?${query}`), parameter);
  });

  it("walks members by created_date from created_start_date", () => {
    const pivot = m.data.customers[25];
    const r = call(
      m,
      "GET",
      `/customersprivacy?search_type=created_date&created_start_date=${encodeURIComponent(String(pivot?.public.created_date))}&limit=1000`,
    );
    expect(r.body.customersprivacy.map((c: Json) => c.member_id)).toEqual(
      m.data.customers.slice(25).map((c) => c.member_id),
    );
  });

  it("counts members and finds one by member_id", () => {
    expect(call(m, "GET", "/customersprivacy/count").body).toEqual({ count: 40 });
    const id = m.data.customers[3]?.member_id;
    expect(call(m, "GET", `/customersprivacy/count?member_id=${id}`).body).toEqual({ count: 1 });
    const one = call(m, "GET", `/customersprivacy/${id}`);
    expect(one.body.customersprivacy).toMatchObject({
      member_id: id,
      name: m.data.customers[3]?.privacy.name,
    });
    expect(call(m, "GET", "/customersprivacy/nobody").status).toBe(404);
  });
});
