// What `sessiontrail verify` replaces before it prints or records a value: registered secrets,
// emails, user ids and IP addresses (by field name and inside text), and `--redact` pointers and
// field names, each replacement of the same form and the same for the same value.
import { registerSecret } from "@sessiontrail/core";
import { describe, expect, it } from "vitest";
import { UsageError } from "../src/errors.ts";
import { Redactor, redactRules } from "../src/verify/redact.ts";

describe("Redactor", () => {
  it("replaces personal fields by name, keeping each value's form", () => {
    const redactor = new Redactor();
    const out = redactor.redact({
      user_id: "cust-10482",
      userId: "550e8400-e29b-41d4-a716-446655440000",
      amplitude_id: 356896327775,
      $email: "jane.doe@corp.example.com",
      ip_address: "203.0.113.9",
      usr: { id: "u-77", name: "Jane" },
      device_id: "0786zXEdyOX1rS3M",
    }) as Record<string, unknown>;
    expect(out.user_id).toMatch(/^redacted-\d+$/);
    expect(out.userId).toMatch(/^00000000-0000-4000-8000-\d{12}$/);
    expect(out.amplitude_id).toBeGreaterThanOrEqual(100_000_000_000);
    expect(String(out.amplitude_id)).toHaveLength(12);
    expect(out.$email).toMatch(/^user\d+@example\.com$/);
    expect(out.ip_address).toMatch(/^192\.0\.2\.\d+$/);
    expect(out.usr).toEqual({ id: expect.stringMatching(/^redacted-\d+$/), name: "Jane" });
    // Not personal by default: --redact device_id asks for it.
    expect(out.device_id).toBe("0786zXEdyOX1rS3M");
  });

  it("replaces emails and IP addresses inside text, not version numbers or times", () => {
    const redactor = new Redactor();
    const out = redactor.redact({
      url: "https://shop.example.com/reset?email=jane.doe%40corp.example.com&to=jane.doe@corp.example.com",
      log: "client 198.51.100.23 and 2001:db8:85a3::8a2e:370:7334 at 14:30:50",
      internal: "http://10.1.2.3/admin",
      raw_user_agent: "Mozilla/5.0 Chrome/123.0.0.0 Safari/537.36",
      browser_version: "123.0.0.0",
      dotted: "1.2.3.4.5",
    }) as Record<string, string>;
    expect(out.url).toMatch(/&to=user\d+@example\.com$/);
    expect(out.log).toMatch(/^client 192\.0\.2\.\d+ and 2001:db8::[0-9a-f]+ at 14:30:50$/);
    expect(out.internal).toMatch(/^http:\/\/192\.0\.2\.\d+\/admin$/);
    expect(out.raw_user_agent).toBe("Mozilla/5.0 Chrome/123.0.0.0 Safari/537.36");
    expect(out.browser_version).toBe("123.0.0.0");
    expect(out.dotted).toBe("1.2.3.4.5");
  });

  it("gives the same value the same replacement within a run, another value another", () => {
    const redactor = new Redactor();
    const out = redactor.redact([
      { user_id: "u-1", email: "a@example.org" },
      { user_id: "u-2", email: "a@example.org" },
      { user_id: "u-1", note: "mail a@example.org" },
    ]) as Record<string, string>[];
    expect(out[0]?.user_id).toBe(out[2]?.user_id);
    expect(out[0]?.user_id).not.toBe(out[1]?.user_id);
    expect(out[0]?.email).toBe(out[1]?.email);
    expect(out[2]?.note).toBe(`mail ${out[0]?.email}`);
  });

  it("masks registered secrets in values and keys", () => {
    const secret = "sk-redact-test-4e1b9c0a";
    registerSecret(secret);
    const out = new Redactor().redact({ [`key ${secret}`]: `Bearer ${secret}`, nested: [secret] });
    expect(JSON.stringify(out)).not.toContain(secret);
    expect(out).toEqual({ "key [REDACTED]": "Bearer [REDACTED]", nested: ["[REDACTED]"] });
  });

  it("--redact: a JSON pointer with * for any key or index, and a field name anywhere", () => {
    const redactor = new Redactor(redactRules(["/events/*/user_time", "device_id", "/a~1b"]));
    const out = redactor.redact({
      events: [
        { user_time: "Mar 25, 2025 14:30:45", action: "Signed in", device_id: "d-1" },
        { user_time: "Mar 25, 2025 14:30:50", action: "Clicked", meta: { device_id: 42 } },
      ],
      user_time: "kept: not under /events/*",
      "a/b": { deep: "x", count: 7 },
    }) as Record<string, unknown>;
    const events = out.events as Record<string, unknown>[];
    expect(events.map((e) => e.user_time)).toEqual([
      expect.stringMatching(/^redacted-\d+$/),
      expect.stringMatching(/^redacted-\d+$/),
    ]);
    expect(events.map((e) => e.action)).toEqual(["Signed in", "Clicked"]);
    expect(events[0]?.device_id).toMatch(/^redacted-\d+$/);
    expect(events[1]?.meta).toEqual({ device_id: expect.any(Number) });
    expect(events[1]?.meta).not.toEqual({ device_id: 42 });
    expect(out.user_time).toBe("kept: not under /events/*");
    // A redacted object has every value inside it replaced.
    expect(out["a/b"]).toEqual({ deep: expect.stringMatching(/^redacted-\d+$/), count: expect.any(Number) });
    expect((out["a/b"] as Record<string, unknown>).count).not.toBe(7);
  });

  it("refuses an empty rule or a field name with a slash", () => {
    expect(() => redactRules([""])).toThrow(UsageError);
    expect(() => redactRules(["#/events/0"])).toThrow(/JSON pointer or a field name/);
  });
});
