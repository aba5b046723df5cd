import { describe, expect, it } from "vitest";
import { errorsAt, localFailure, stateAfter, type FormWording } from "@/components/forms/command-state";
import type { CommandError } from "@/lib/types/command";

// A stand-in translator: the key in brackets, so a test sees which key was translated.
const wording = (more: Partial<FormWording> = {}): FormWording => ({
  fields: (f) => Object.fromEntries(Object.entries(f ?? {}).map(([p, ms]) => [p, ms.map((m) => `[${m}]`)])),
  message: (e) => `message for ${e.code}`,
  ...more,
});
const fail = (error: CommandError) => ({ ok: false as const, error });

describe("[FORMS] the kit's result → form state", () => {
  it("a saved command leaves the form clean", () => {
    expect(stateAfter({ ok: true, data: { id: 1 } }, wording())).toEqual({ errors: {}, formError: null });
  });

  it("a refusal shows its field errors translated and the form's message for its code", () => {
    const s = stateAfter(fail({ code: "validation_failed", message: "Invalid input", fields: { title: ["validation.required"] } }), wording());
    expect(s).toEqual({ errors: { title: ["[validation.required]"] }, formError: "message for validation_failed" });
  });

  it("a failure without fields still says what happened above the form", () => {
    expect(stateAfter(fail({ code: "forbidden", message: "No." }), wording())).toEqual({ errors: {}, formError: "message for forbidden" });
  });

  it("the browser's own check reads as the server's validation refusal", () => {
    const e = localFailure({ name: ["validation.required"] });
    expect(e.code).toBe("validation_failed");
    expect(stateAfter(fail(e), wording()).formError).toBe("message for validation_failed");
  });

  it("field paths are mapped to the form's own, and errors meeting on one path are kept together", () => {
    // The payload left out a blank row: its row 0 is the form's row 1, and both of its halves land on "when".
    const path = (p: string) => (p === "date" || p === "time" ? "when" : p.replace(/^gifts\.0\./, "gifts.1."));
    const s = stateAfter(fail({ code: "validation_failed", message: "", fields: { "gifts.0.item": ["a"], date: ["b"], time: ["c"] } }), wording({ path }));
    expect(s.errors).toEqual({ "gifts.1.item": ["[a]"], when: ["[b]", "[c]"] });
  });

  it("errorsAt joins the errors of several paths, and is undefined when there are none", () => {
    const errors = { "gifts.0.fromPersonId": ["x"], "gifts.0.fromParticipantIndex": ["y"] };
    expect(errorsAt(errors, "gifts.0.fromPersonId", "gifts.0.fromParticipantIndex")).toEqual(["x", "y"]);
    expect(errorsAt(errors, "gifts.0.item")).toBeUndefined();
  });
});
