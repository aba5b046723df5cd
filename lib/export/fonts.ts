// @react-pdf cannot read font collections (.ttc). Debian's fonts-noto-cjk ships Noto Sans CJK
// as collections, so the Korean (index 1) and Simplified Chinese (index 2) faces are split out
// once with fontTools into a cache folder. Nothing is downloaded; a missing tool is a clear error.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCES = {
  regular: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
  bold: "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
} as const;
const FACES = { kr: 1, sc: 2 } as const;

export type CjkFace = keyof typeof FACES;
export type CjkWeight = keyof typeof SOURCES;

export function fontDir(): string {
  return process.env.BRIDGEHEAD_FONT_DIR ?? path.join(process.cwd(), "node_modules", ".cache", "bridgehead", "fonts");
}

export function fontFile(face: CjkFace, weight: CjkWeight): string {
  return path.join(fontDir(), `NotoSansCJK${face}-${weight}.otf`);
}

function python(): string {
  // The system interpreter has Debian's python3-fonttools; a pyenv shim on PATH may not.
  for (const p of ["/usr/bin/python3", "python3"]) {
    try {
      execFileSync(p, ["-c", "import fontTools"], { stdio: "ignore" });
      return p;
    } catch {
      // try the next interpreter
    }
  }
  throw new Error("Python's fontTools is missing: install python3-fonttools (apt-get install python3-fonttools).");
}

/** Splits the CJK faces out of the collections when they are not there yet; returns the folder. */
export function ensureCjkFonts(): string {
  const dir = fontDir();
  const missing = (Object.keys(SOURCES) as CjkWeight[]).filter((w) =>
    (Object.keys(FACES) as CjkFace[]).some((f) => !fs.existsSync(fontFile(f, w))),
  );
  if (missing.length === 0) return dir;
  for (const w of missing)
    if (!fs.existsSync(SOURCES[w])) throw new Error(`${SOURCES[w]} is missing: install fonts-noto-cjk (apt-get install fonts-noto-cjk).`);
  fs.mkdirSync(dir, { recursive: true });
  const script = [
    "import sys, os",
    "from fontTools.ttLib import TTCollection",
    "src, idx, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]",
    "TTCollection(src, lazy=True).fonts[idx].save(out + '.tmp')",
    "os.replace(out + '.tmp', out)",
  ].join("\n");
  const py = python();
  for (const w of missing)
    for (const f of Object.keys(FACES) as CjkFace[])
      if (!fs.existsSync(fontFile(f, w))) execFileSync(py, ["-c", script, SOURCES[w], String(FACES[f]), fontFile(f, w)], { stdio: "inherit" });
  return dir;
}
