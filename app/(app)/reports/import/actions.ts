"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { commitImport, IMPORT_KINDS, previewImport } from "@/db/queries/import";
import { runAction } from "@/lib/auth/action";
import { parseInput } from "@/lib/validation/common";

const importSchema = z.object({ kind: z.enum(IMPORT_KINDS), text: z.string() });

export async function checkImport(input: { kind: string; text: string }) {
  return runAction("write", async ({ db }) => {
    const v = parseInput(importSchema, input);
    return previewImport(db, v.kind, v.text);
  });
}

export async function saveImport(input: { kind: string; text: string }) {
  return runAction("write", async ({ db, actor }) => {
    const v = parseInput(importSchema, input);
    const r = await commitImport(db, actor, v.kind, v.text);
    if (r.ok) for (const p of ["/partners", "/people", "/meetings", "/"]) revalidatePath(p);
    return r;
  });
}
