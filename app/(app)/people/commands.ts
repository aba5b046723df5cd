"use server";
import { createPerson, deletePerson, setPersonArchived, updatePerson } from "@/db/queries/people";
import { runCommand } from "@/server/auth/command";
import { argFlag, argId } from "@/lib/validation/common";

export async function savePerson(id: number | null, input: Record<string, unknown>) {
  return runCommand("write", async ({ db, actor }) => {
    const row = id === null ? await createPerson(db, actor, input) : await updatePerson(db, actor, argId(id), input);
    return { id: row.id, name: row.nameEn };
  });
}

export async function archivePerson(id: number, archived: boolean) {
  return runCommand("write", async ({ db, actor }) => {
    const row = await setPersonArchived(db, actor, argId(id), argFlag(archived));
    return { id: row.id, archived: row.archivedAt !== null };
  });
}

export async function removePerson(id: number) {
  return runCommand("write", async ({ db, actor }) => deletePerson(db, actor, argId(id)));
}

