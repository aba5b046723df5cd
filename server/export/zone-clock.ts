// Wall-clock times of many instants in their zones, for exports. An offset found holds for the
// whole UTC week around it when the week starts and ends at that offset (two zone changes within
// one week do not occur in the tz database), so rows read in time order cost two Intl calls per
// zone and week, and the memory is one entry per zone, dropped with the export.
import { zoneOffset } from "@/lib/format";

const WEEK = 7 * 86_400_000;

function offsetMinutes(at: number, zone: string): number {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(zoneOffset(new Date(at), zone));
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export class ZoneClock {
  private spans = new Map<string, { from: number; to: number; offset: number }>();

  /** The zone's offset at the instant, in minutes east of UTC. */
  offset(at: number, zone: string): number {
    const s = this.spans.get(zone);
    if (s && at >= s.from && at < s.to) return s.offset;
    const from = Math.floor(at / WEEK) * WEEK;
    const a = offsetMinutes(from, zone);
    if (a === offsetMinutes(from + WEEK - 1, zone)) {
      this.spans.set(zone, { from, to: from + WEEK, offset: a });
      return a;
    }
    return offsetMinutes(at, zone);
  }

  /** The instant's wall clock to the minute, as epoch milliseconds read as UTC. */
  wallMs(at: number, zone: string): number {
    return Math.floor(at / 60_000) * 60_000 + this.offset(at, zone) * 60_000;
  }

  /** ISO 8601 with the zone's offset, to the minute: "2019-11-27T15:00:00+08:00" (as lib/format's toIsoWithOffset). */
  iso(at: number, zone: string): string {
    const off = this.offset(at, zone);
    const local = new Date(Math.floor(at / 60_000) * 60_000 + off * 60_000).toISOString();
    const a = Math.abs(off);
    return `${local.slice(0, 16)}:00${off < 0 ? "-" : "+"}${pad2(Math.floor(a / 60))}:${pad2(a % 60)}`;
  }
}
