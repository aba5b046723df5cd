// Real tools the export checks run. A missing one fails the test and names the Debian package,
// so a check is never skipped in silence.
import { execFileSync, spawnSync } from "node:child_process";

const PACKAGES: Record<string, string> = {
  pdftotext: "poppler-utils",
  pdffonts: "poppler-utils",
  pdftoppm: "poppler-utils",
  pdfinfo: "poppler-utils",
  soffice: "libreoffice-calc-nogui",
  unzip: "unzip",
};

export function requireTool(cmd: keyof typeof PACKAGES): void {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} is missing: install Debian's ${PACKAGES[cmd]} (apt-get install -y ${PACKAGES[cmd]}).`);
}

export function run(cmd: keyof typeof PACKAGES, args: string[], opts: { timeout?: number } = {}): string {
  requireTool(cmd);
  return execFileSync(cmd, args, { encoding: "utf8", timeout: opts.timeout ?? 60_000, stdio: ["ignore", "pipe", "pipe"] });
}
