import { describe, expect, it } from "vitest";
import { isDecodableTextReply } from "@/lib/command-reply";
import { argFlag, argId } from "@/lib/validation/common";
import { ValidationError } from "@/lib/errors";

describe("[LIB] server-action call bodies the proxy lets through", () => {
  it("accepts what React's encodeReply sends for plain arguments", () => {
    for (const body of ["[]", "[1,true]", '[{"title":"Visit","notes":"$$100 budget"},"$undefined"]', '[null,{"nameEn":"Tianjin"}]', '["$D2026-01-01T00:00:00.000Z"]', '["$n12"]', '[{"a":["$NaN","$-0"]}]'])
      expect(isDecodableTextReply(body), body).toBe(true);
  });

  it("refuses bodies Next cannot decode: not JSON, not an array, or references to parts a text body has not got", () => {
    for (const body of ["", "{", "null", '"x"', '{"a":1}', "../../etc/passwd", '["$K1"]', '["$@1"]', '[{"a":"$Q2"}]', '["$F1"]', '["$T"]', '[["$S1"]]', "[".repeat(200) + "]".repeat(200)])
      expect(isDecodableTextReply(body), body).toBe(false);
  });
});

describe("[LIB] plain arguments of server actions", () => {
  it("takes positive integers and booleans as sent, and refuses what a browser never sends", () => {
    expect(argId(7)).toBe(7);
    expect(argFlag(false)).toBe(false);
    for (const v of ["7", 0, -1, 1.5, [7], true, null, undefined, {}, 2 ** 60]) expect(() => argId(v), JSON.stringify(v) ?? "undefined").toThrow(ValidationError);
    for (const v of ["true", 1, null, undefined]) expect(() => argFlag(v), JSON.stringify(v) ?? "undefined").toThrow(ValidationError);
  });
});
