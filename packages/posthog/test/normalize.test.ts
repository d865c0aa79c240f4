import { normalizerSuite, sessionEventErrors, thrown } from "@sessiontrail/test-utils";
import { describe, expect, it } from "vitest";
import { type NormalizeWarning, normalizePostHogEvents, parseElementsChain } from "../src/index.ts";

// Golden output of every named 200 example of the spec: written to test/golden/ on the first run
// (read their diff line by line), then compared.
normalizerSuite({ vendor: "posthog", normalize: normalizePostHogEvents });

const columns = ["uuid", "event", "timestamp", "distinct_id", "person_id", "properties", "elements_chain"];
let n = 0;
const uuid = () => `0179fc92-0aa0-7000-8000-${String(++n).padStart(12, "0")}`;
const row = (event: string, timestamp: string, properties: unknown = {}, chain = "") => [
  uuid(),
  event,
  timestamp,
  "d1",
  null,
  typeof properties === "string" ? properties : JSON.stringify(properties),
  chain,
];
const body = (rows: unknown[]) => ({ columns, results: rows });

describe("posthog normalizer: what PostHog's events mean", () => {
  it("maps PostHog's events to SessionEvent types, reading page, target and context", () => {
    const events = normalizePostHogEvents(
      body([
        row("$pageview", "2024-05-01T10:00:00Z", {
          $current_url: "https://a.example/x?utm_source=g",
          $pathname: "/x",
          $referrer: "https://g.example/",
          $browser: "Firefox",
          $browser_version: 125,
          $os: "Windows",
          $device_type: "Desktop",
          utm_source: "g",
          utm_campaign: "spring",
        }),
        row(
          "$autocapture",
          "2024-05-01T10:00:01.5Z",
          { $event_type: "click" },
          'a.nav.top:attr__href="/pricing"attr_id="pricing"href="/pricing"nth-child="1"nth-of-type="1"text="Pricing";nav:nth-child="1"nth-of-type="1"',
        ),
        row(
          "$autocapture",
          "2024-05-01T10:00:02Z",
          { $event_type: "change" },
          'input:attr__name="q"nth-child="1"nth-of-type="1"',
        ),
        row(
          "$autocapture",
          "2024-05-01T10:00:03Z",
          { $event_type: "submit" },
          'form.search:nth-child="1"nth-of-type="1"',
        ),
        row("$identify", "2024-05-01T10:00:04Z"),
        row("$exception", "2024-05-01T10:00:05Z", { $exception_type: "TypeError" }),
        row("$screen", "2024-05-01T10:00:06Z", { $screen_name: "Home" }),
        row("$pageleave", "2024-05-01T10:00:07Z"),
        row("signed_up", "2024-05-01T10:00:08Z"),
        row("$feature_flag_called", "2024-05-01T10:00:09Z"),
      ]),
      { includeRaw: false },
    );
    expect(sessionEventErrors(events)).toEqual([]);
    expect(events.map(({ type, name, time }) => [type, name, time])).toEqual([
      ["page_view", "$pageview", "2024-05-01T10:00:00.000Z"],
      ["click", "$autocapture", "2024-05-01T10:00:01.500Z"],
      ["input", "$autocapture", "2024-05-01T10:00:02.000Z"],
      ["form_submit", "$autocapture", "2024-05-01T10:00:03.000Z"],
      ["identify", "$identify", "2024-05-01T10:00:04.000Z"],
      ["error", "$exception", "2024-05-01T10:00:05.000Z"],
      ["page_view", "$screen", "2024-05-01T10:00:06.000Z"],
      ["navigation", "$pageleave", "2024-05-01T10:00:07.000Z"],
      ["custom", "signed_up", "2024-05-01T10:00:08.000Z"],
      ["other", "$feature_flag_called", "2024-05-01T10:00:09.000Z"],
    ]);
    expect(events[0]?.page).toEqual({
      url: "https://a.example/x?utm_source=g",
      path: "/x",
      referrer: "https://g.example/",
    });
    expect(events[0]?.context).toEqual({
      browser: "Firefox",
      browserVersion: "125",
      os: "Windows",
      device: "Desktop",
      campaign: { source: "g", name: "spring" },
    });
    expect(events[1]?.target).toEqual({
      label: "Pricing",
      selector: "nav > a#pricing.nav.top",
      id: "pricing",
    });
    expect(events[2]?.target).toEqual({ selector: "input", name: "q" });
    expect(events[6]?.page).toEqual({ title: "Home" });
    expect(events[0]?.id).toMatch(/^0179fc92-0aa0-7000-8000-/);
  });

  it("reads rows by column name, whatever the column order", () => {
    const id = uuid();
    const events = normalizePostHogEvents({
      columns: ["timestamp", "properties", "event", "uuid"],
      results: [["2024-05-01T10:00:00.123456+02:00", { $session_id: "s1" }, "$pageview", id]],
    });
    expect(events.map(({ id, name, time, sessionId }) => ({ id, name, time, sessionId }))).toEqual([
      { id, name: "$pageview", time: "2024-05-01T08:00:00.123Z", sessionId: "s1" },
    ]);
  });

  it("parses elements_chain with escaped quotes and ; or : inside quoted text", () => {
    const [clicked, parent] = parseElementsChain(
      'button.btn.hover:underline:attr__class="btn"text="Say \\"hi\\"; or: not"nth-child="2";div:nth-child="1"',
    );
    expect(clicked).toEqual({
      tag: "button",
      classes: ["btn", "hover:underline"],
      attributes: { attr__class: "btn", text: 'Say "hi"; or: not', "nth-child": "2" },
    });
    expect(parent).toEqual({ tag: "div", classes: [], attributes: { "nth-child": "1" } });
  });

  it("keeps __proto__ in properties, columns and chains as plain data", () => {
    const events = normalizePostHogEvents({
      columns: ["uuid", "event", "timestamp", "properties", "__proto__", "elements_chain"],
      results: [
        [
          uuid(),
          "$autocapture",
          "2024-05-01T10:00:00Z",
          '{"__proto__":{"polluted":true},"$event_type":"click","constructor":{"prototype":{"polluted":true}}}',
          { polluted: true },
          'a:__proto__="x"text="go"',
        ],
      ],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(events[0]?.properties)).toBe(Object.prototype);
    expect(Object.hasOwn(events[0]?.properties ?? {}, "__proto__")).toBe(true);
    expect(Object.hasOwn(events[0]?.raw as object, "__proto__")).toBe(true);
    expect(events[0]?.target?.label).toBe("go");
  });

  it("drops a duplicate row (same uuid and event) and reports it", () => {
    const dup = row("$pageview", "2024-05-01T10:00:00Z");
    const warnings: NormalizeWarning[] = [];
    const events = normalizePostHogEvents(body([dup, row("x", "2024-05-01T10:00:01Z"), dup]), {
      onWarning: (w) => warnings.push(w),
    });
    expect(events.map((e) => e.name)).toEqual(["$pageview", "x"]);
    expect(events[0]?.id).toBe(dup[0]);
    expect(warnings).toEqual([expect.objectContaining({ vendor: "posthog", index: 2 })]);
  });

  it("refuses a body without results or the columns it needs, and a bad row unless told to skip", () => {
    expect(thrown(() => normalizePostHogEvents({ columns })).kind).toBe("invalid_response");
    expect(thrown(() => normalizePostHogEvents({ results: [] })).message).toMatch(/columns/);
    expect(thrown(() => normalizePostHogEvents({ columns: ["uuid", "event"], results: [] })).message).toMatch(
      /timestamp/,
    );
    const bad = body([
      row("ok", "2024-05-01T10:00:00Z"),
      row("late", "yesterday"),
      "not a row",
      row("p", "2024-05-01T10:00:01Z", "{oops"),
    ]);
    expect(thrown(() => normalizePostHogEvents(bad)).message).toMatch(
      /event #1 has an unparseable timestamp/,
    );
    const warnings: NormalizeWarning[] = [];
    const kept = normalizePostHogEvents(bad, { onInvalid: "skip", onWarning: (w) => warnings.push(w) });
    expect(kept.map((e) => e.name)).toEqual(["ok"]);
    expect(warnings.map((w) => w.index)).toEqual([1, 2, 3]);
  });

  it("reads a timestamp without an offset as UTC and says so", () => {
    const [event] = normalizePostHogEvents(body([row("x", "2024-05-01 10:00:00.123456")]));
    expect(event?.time).toBe("2024-05-01T10:00:00.123Z");
    expect(event?.timeZoneAssumed).toBe("UTC");
  });
});
