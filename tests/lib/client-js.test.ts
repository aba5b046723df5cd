import { describe, expect, it } from "vitest";
import { loadedScripts } from "@/bench/client-js";

describe("loadedScripts (the client JavaScript a modern browser loads)", () => {
  it("counts each script the HTML names once, in tags and in the flight data", () => {
    const html = `<script src="/_next/static/chunks/a.js" async=""></script><script src="/_next/static/chunks/b.js"></script><script>self.__next_f.push([1,"/_next/static/chunks/a.js","/_next/static/chunks/c.js"])</script>`;
    expect([...loadedScripts(html)].sort()).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js", "/_next/static/chunks/c.js"]);
  });

  it("skips a script only <script noModule> loads, however the attribute is written", () => {
    for (const attr of [`noModule=""`, `nomodule`, `NOMODULE=""`]) {
      const html = `<script src="/_next/static/chunks/polyfills-42.js" ${attr}></script><script src="/_next/static/chunks/main.js" async=""></script>`;
      expect([...loadedScripts(html)]).toEqual(["/_next/static/chunks/main.js"]);
    }
  });

  it("does not take a src that merely contains the word for the attribute", () => {
    const html = `<script src="/_next/static/chunks/nomodule-helper.js" async=""></script>`;
    expect([...loadedScripts(html)]).toEqual(["/_next/static/chunks/nomodule-helper.js"]);
  });
});
