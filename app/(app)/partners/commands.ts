"use server";
import { createMilestone, setMilestoneArchived, updateMilestone } from "@/db/queries/milestones";
import { createPartner, deletePartner, setPartnerArchived, updatePartner } from "@/db/queries/partners";
import { runCommand } from "@/server/auth/command";
import { argFlag, argId } from "@/lib/validation/common";

// Every write goes through runCommand("write"): the role is checked here, on the server, and the
// query validates with the shared zod schema and audits in its transaction.

export async function savePartner(id: number | null, input: Record<string, unknown>) {
  return runCommand("write", async ({ db, actor }) => {
    const row = id === null ? await createPartner(db, actor, input) : await updatePartner(db, actor, argId(id), input);
    return { id: row.id, slug: row.slug, version: row.version };
  });
}

export async function archivePartner(id: number, archived: boolean) {
  return runCommand("write", async ({ db, actor }) => {
    const row = await setPartnerArchived(db, actor, argId(id), argFlag(archived));
    return { id: row.id, slug: row.slug, archived: row.archivedAt !== null };
  });
}

export async function removePartner(id: number) {
  return runCommand("write", async ({ db, actor }) => deletePartner(db, actor, argId(id)));
}


export async function saveMilestone(id: number | null, input: Record<string, unknown>) {
  return runCommand("write", async ({ db, actor }) => {
    const row = id === null ? await createMilestone(db, actor, input) : await updateMilestone(db, actor, argId(id), input);
    return { id: row.id };
  });
}

export async function archiveMilestone(id: number, archived: boolean) {
  return runCommand("write", async ({ db, actor }) => {
    await setMilestoneArchived(db, actor, argId(id), argFlag(archived));
    return { id };
  });
}
