import { describe, expect, it } from "vitest";
import {
  formatMeetingTime,
  formatPrecisionDate,
  normaliseDate,
  toIsoWithOffset,
  utcToZonedParts,
  zonedTimeToUtc,
  zoneOffset,
} from "@/lib/format";

describe("date precision", () => {
  it("renders a year as a year, not 1 January", () => {
    expect(formatPrecisionDate("2008-01-01", "year", "en")).toBe("2008");
    expect(formatPrecisionDate("2008-01-01", "year", "ko")).toBe("2008년");
  });
  it("renders month and day precision per locale", () => {
    expect(formatPrecisionDate("2019-11-01", "month", "en")).toBe("Nov 2019");
    expect(formatPrecisionDate("2019-11-27", "day", "en")).toBe("27 Nov 2019");
    expect(formatPrecisionDate("2019-11-01", "month", "ko")).toBe("2019년 11월");
    expect(formatPrecisionDate("2019-11-27", "day", "ko")).toBe("2019년 11월 27일");
  });
  it("normalises partial dates to the first day of their period", () => {
    expect(normaliseDate("2008", "year")).toBe("2008-01-01");
    expect(normaliseDate("2019-11", "month")).toBe("2019-11-01");
    expect(normaliseDate("2019-02-30", "day")).toBeNull();
  });
});

describe("time zones", () => {
  it("turns 15:00 in Chongqing (UTC+8) into 07:00 UTC", () => {
    expect(zonedTimeToUtc("2019-11-27", "15:00", "Asia/Shanghai")?.toISOString()).toBe("2019-11-27T07:00:00.000Z");
  });
  it("handles daylight saving time", () => {
    expect(zonedTimeToUtc("2024-07-01", "09:00", "America/New_York")?.toISOString()).toBe("2024-07-01T13:00:00.000Z");
    expect(zonedTimeToUtc("2024-01-15", "09:00", "America/New_York")?.toISOString()).toBe("2024-01-15T14:00:00.000Z");
  });
  it("shows a meeting in its own zone and in the viewer's when the clock differs", () => {
    const at = new Date("2019-11-27T07:00:00Z");
    const r = formatMeetingTime(at, "Asia/Shanghai", "Asia/Seoul", "en");
    expect(r.local).toBe("27 Nov 2019, 15:00 (UTC+08:00, Asia/Shanghai)");
    expect(r.viewer).toBe("27 Nov 2019, 16:00 (UTC+09:00, Asia/Seoul)");
    expect(formatMeetingTime(at, "Asia/Shanghai", "Asia/Chongqing", "en").viewer).toBeNull();
  });
  it("gives ISO 8601 with the zone's offset", () => {
    const at = new Date("2019-11-27T07:00:00Z");
    expect(toIsoWithOffset(at, "Asia/Shanghai")).toBe("2019-11-27T15:00:00+08:00");
    expect(zoneOffset(at, "UTC")).toBe("+00:00");
    expect(utcToZonedParts(at, "Asia/Seoul")).toEqual({ date: "2019-11-27", time: "16:00" });
  });
  it("refuses impossible wall-clock input", () => {
    expect(zonedTimeToUtc("2019-13-01", "15:00", "UTC")).toBeNull();
    expect(zonedTimeToUtc("2019-11-27", "25:00", "UTC")).toBeNull();
  });
});
