"use server";
import { addComment } from "@/db/queries/actions";
import { updateAction } from "@/db/queries/actions";
import { runCommand } from "@/server/auth/command";
import { argId } from "@/lib/validation/common";

/** Saves the side panel's edit of an action (versioned: a stale version answers "conflict"). */
export async function saveBoardAction(id: number, input: Record<string, unknown>) {
  return runCommand("write", async ({ db, actor }) => {
    const row = await updateAction(db, actor, argId(id), input);
    return { id: row.id, version: row.version };
  });
}

/** Adds a comment or progress note to an action, signed by the current user. */
export async function commentOnAction(actionId: number, body: string) {
  return runCommand("write", async ({ db, actor }) => addComment(db, actor, { actionId: argId(actionId), body }));
}
