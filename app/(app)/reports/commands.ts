"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { ownsCalendarToken } from "@/db/queries/tokens";
import { createApiToken, revokeApiToken } from "@/db/queries/tokens";
import { runCommand } from "@/server/auth/command";
import { NotFoundError } from "@/lib/errors";
import { calendarFeedSchema } from "@/lib/validation/calendar-feeds";
import { id, parseInput } from "@/lib/validation/common";

async function origin(): Promise<string> {
  if (process.env.BETTER_AUTH_URL) return process.env.BETTER_AUTH_URL.replace(/\/$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  return `${h.get("x-forwarded-proto") ?? "http"}://${host}`;
}

/** Creates a calendar feed token for the signed-in user; the address is returned once. */
export async function createCalendarFeed(input: { name: string; partnerId?: string }) {
  return runCommand("export", async ({ db, actor, user }) => {
    const v = parseInput(calendarFeedSchema, input);
    const t = await createApiToken(db, actor, { name: v.name, role: user.role, scope: "calendar", partnerId: v.partnerId });
    revalidatePath("/reports");
    // The feed speaks the language of the screen it was made on.
    const lang = (await getLocale()) === "ko" ? "&lang=ko" : "";
    return { id: t.id, url: `${await origin()}/api/v1/calendar.ics?token=${t.token}${lang}` };
  });
}

export async function revokeCalendarFeed(tokenId: number) {
  return runCommand("export", async ({ db, actor, user }) => {
    const tid = parseInput(id, tokenId);
    if (!(await ownsCalendarToken(db, user.id, tid))) throw new NotFoundError("Calendar feed", tid);
    await revokeApiToken(db, actor, tid);
    revalidatePath("/reports");
    return { id: tid };
  });
}
