"use server";
import { revalidatePath } from "next/cache";
import { createMeeting, setMeetingArchived, updateMeeting } from "@/db/queries/meetings";
import { runCommand } from "@/server/auth/command";
import { argFlag, argId } from "@/lib/validation/common";

/** Saves the whole meeting form (meeting, participants, gifts, actions) in one transaction. */
export async function saveMeetingAction(input: unknown, id?: number) {
  const result = await runCommand("write", async ({ db, actor }) => {
    const row = id === undefined ? await createMeeting(db, actor, input) : await updateMeeting(db, actor, argId(id), input);
    return { id: row.id, version: row.version };
  });
  if (result.ok) revalidatePath("/meetings", "layout");
  return result;
}

export async function setMeetingArchivedAction(id: number, archived: boolean) {
  const result = await runCommand("write", async ({ db, actor }) => {
    const row = await setMeetingArchived(db, actor, argId(id), argFlag(archived));
    return { id: row.id, archived: row.archivedAt !== null };
  });
  if (result.ok) revalidatePath("/meetings", "layout");
  return result;
}
