"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { commitImport, IMPORT_KINDS, MAX_IMPORT_BYTES, previewImport, type ImportRequest } from "@/db/queries/import";
import { runCommand } from "@/server/auth/command";
import { ENCODINGS } from "@/lib/import/decode";
import { parseInput } from "@/lib/validation/common";
import { IMPORT_MODES } from "@/lib/types/import";

const importSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  mode: z.enum(IMPORT_MODES).default("update"),
  encoding: z.enum([...ENCODINGS, "auto"]).default("auto"),
});

/** The form's fields and the file's bytes; an oversized file is not read (the check refuses it by size). */
async function request(form: FormData): Promise<ImportRequest> {
  // A forged call can send anything in place of the form: refused like a form without a kind.
  if (!(form instanceof FormData)) form = new FormData();
  const v = parseInput(importSchema, { kind: form.get("kind"), mode: form.get("mode") ?? undefined, encoding: form.get("encoding") ?? undefined });
  const file = form.get("file");
  const blob = file instanceof Blob ? file : new Blob([]);
  const bytes = blob.size > MAX_IMPORT_BYTES ? new Uint8Array(MAX_IMPORT_BYTES + 1) : new Uint8Array(await blob.arrayBuffer());
  return { ...v, bytes };
}

export async function checkImport(form: FormData) {
  return runCommand("write", async ({ db }) => previewImport(db, await request(form)));
}

export async function saveImport(form: FormData) {
  return runCommand("write", async ({ db, actor }) => {
    const r = await commitImport(db, actor, await request(form));
    if (r.ok) for (const p of ["/partners", "/people", "/meetings", "/"]) revalidatePath(p);
    return r;
  });
}
