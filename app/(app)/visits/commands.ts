"use server";
import { revalidatePath } from "next/cache";
import { createVisit, programmeItemToMeeting, recordPlannedGift, setChecklistDone, setVisitArchived, updateVisit } from "@/db/queries/visits";
import { runCommand } from "@/server/auth/command";
import { argFlag, argId, parseInput } from "@/lib/validation/common";
import { recordPlannedGiftSchema, tickChecklistSchema } from "@/lib/validation/visits";

/** Saves the whole visit form (visit, delegation, programme, travel, gifts, checklist) in one transaction. */
export async function saveVisitAction(input: unknown, id?: number) {
  const result = await runCommand("write", async ({ db, actor }) => {
    const row = id === undefined ? await createVisit(db, actor, input) : await updateVisit(db, actor, argId(id), input);
    return { id: row.id, version: row.version };
  });
  if (result.ok) revalidatePath("/visits", "layout");
  return result;
}

export async function setChecklistDoneAction(visitId: number, input: unknown) {
  const result = await runCommand("write", async ({ db, actor }) => setChecklistDone(db, actor, argId(visitId), parseInput(tickChecklistSchema, input)));
  if (result.ok) revalidatePath(`/visits/${visitId}`);
  return result;
}

/** Records a planned gift into the gift register as given at a held meeting of the visit. */
export async function recordPlannedGiftAction(visitId: number, input: unknown) {
  const result = await runCommand("write", async ({ db, actor }) => recordPlannedGift(db, actor, argId(visitId), parseInput(recordPlannedGiftSchema, input)));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

/** Records a programme item as a held meeting, linked both ways. */
export async function programmeItemToMeetingAction(visitId: number, itemId: number, version: number) {
  const result = await runCommand("write", async ({ db, actor }) => programmeItemToMeeting(db, actor, argId(visitId), { itemId: argId(itemId), version: argId(version) }));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function setVisitArchivedAction(id: number, archived: boolean) {
  const result = await runCommand("write", async ({ db, actor }) => {
    const row = await setVisitArchived(db, actor, argId(id), argFlag(archived));
    return { id: row.id, archived: row.archivedAt !== null };
  });
  if (result.ok) revalidatePath("/visits", "layout");
  return result;
}
