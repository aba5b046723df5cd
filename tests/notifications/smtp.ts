import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";

/** A real SMTP server on a random port, in-process: the app's mail goes over a socket to it. */
export async function startSmtp(opts: { failNext?: number } = {}) {
  const received: ParsedMail[] = [];
  const raw: string[] = [];
  let failures = opts.failNext ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === "bridgehead" && auth.password === "secret") cb(null, { user: auth.username });
      else cb(new Error("Invalid username or password"));
    },
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (failures > 0) {
          failures--;
          const err = new Error("Mailbox temporarily unavailable") as Error & { responseCode: number };
          err.responseCode = 451;
          cb(err);
          return;
        }
        const text = Buffer.concat(chunks).toString("utf8");
        raw.push(text);
        void simpleParser(text).then((m) => {
          received.push(m);
          cb();
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://bridgehead:secret@127.0.0.1:${port}`,
    received,
    raw,
    failNext(n: number) {
      failures = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
