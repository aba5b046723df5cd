// Reads an `strace -f -y` log of the server and checks, per acknowledged write, that the bytes
// written to the database's WAL for it were fsynced before the answer left on the socket.

interface Call {
  start: number;
  end: number;
  name: string;
  fd: string;
  text: string;
}

export interface AckCheck {
  marker: string;
  /** Line numbers in the log (1-based); null when not found. */
  walWrite: number | null;
  sync: number | null;
  ack: number | null;
  ackIsHttp: boolean;
  syncedBeforeAck: boolean;
}

const START = /^(\d+)\s+(\w+)\((\d+)<([^>]*)>(.*)$/;
const RESUMED = /^(\d+)\s+<\.\.\. (\w+) resumed>/;
const WRITES = new Set(["write", "pwrite64", "writev", "pwritev"]);
const SENDS = new Set(["write", "writev", "sendto", "sendmsg"]);
const SYNCS = new Set(["fsync", "fdatasync"]);

/** Calls in log order; a call split by another thread counts as ending where it resumed. */
export function parseStrace(log: string): Call[] {
  const calls: Call[] = [];
  const pending = new Map<string, Call>();
  log.split("\n").forEach((line, i) => {
    const resumed = RESUMED.exec(line);
    if (resumed) {
      const call = pending.get(resumed[1]!);
      if (call) {
        call.end = i + 1;
        pending.delete(resumed[1]!);
      }
      return;
    }
    const m = START.exec(line);
    if (!m) return;
    const call: Call = { start: i + 1, end: i + 1, name: m[2]!, fd: m[4]!, text: m[5]! };
    calls.push(call);
    if (line.endsWith("<unfinished ...>")) pending.set(m[1]!, call);
  });
  return calls;
}

export function checkSyncedBeforeAck(log: string, markers: string[], dbName: string): AckCheck[] {
  const calls = parseStrace(log);
  const isWal = (c: Call) => c.fd.endsWith(`/${dbName}-wal`);
  const isSocket = (c: Call) => /^(socket:|TCP|UNIX)/.test(c.fd);
  const walWrites = calls.filter((c) => WRITES.has(c.name) && isWal(c));
  const syncs = calls.filter((c) => SYNCS.has(c.name) && isWal(c));
  const sends = calls.filter((c) => SENDS.has(c.name) && isSocket(c));
  return markers.map((marker) => {
    const first = walWrites.find((c) => c.text.includes(marker));
    const ack = first ? sends.find((c) => c.start > first.end) : undefined;
    if (!first || !ack) return { marker, walWrite: first?.start ?? null, sync: null, ack: ack?.start ?? null, ackIsHttp: false, syncedBeforeAck: false };
    // Every WAL byte written before the answer (the commit frame is the last) must be synced before it.
    const lastWrite = walWrites.filter((c) => c.end < ack.start).at(-1)!;
    const sync = syncs.find((c) => c.start > lastWrite.end && c.end < ack.start);
    const ackIsHttp = ack.text.includes("HTTP/1.1 20");
    return { marker, walWrite: first.start, sync: sync?.start ?? null, ack: ack.start, ackIsHttp, syncedBeforeAck: ackIsHttp && sync !== undefined };
  });
}
