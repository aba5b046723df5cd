// The user CLI's commands as a function of (database, arguments, environment), so that they
// are tested without spawning a process; scripts/user.ts only wires it to the shell.
import crypto from "node:crypto";
import type { Db } from "@/db/client";
import type { Actor } from "@/db/audit";
import { adminTwoFactorRequired, setAdminTwoFactorRequired } from "@/db/queries/admin-two-factor";
import { createUser, findUserByEmail, listUsers, resetUserPassword, resetUserTwoFactor, setUserActive, setUserRole } from "@/db/queries/users";
import { isUserError } from "@/lib/errors";
import { englishFieldErrors } from "@/lib/validation/english";

export const CLI_ACTOR: Actor = { userId: null, label: "cli", role: "system" };
export const USAGE =
  "usage: npm run user -- add <email> <role> [name] | role <email> <role> | reset <email> | reset-2fa <email> | require-2fa <off|status> | deactivate <email> | activate <email> | list";

export interface CommandResult {
  code: number;
  out: string[];
  err: string[];
}

export async function userCommand(db: Db, argv: string[], env: { USER_PASSWORD?: string } = {}): Promise<CommandResult> {
  const out: string[] = [];
  const err: string[] = [];
  const [cmd, email, third, ...rest] = argv;
  const need = async () => {
    if (!email) throw new Error(USAGE);
    const u = await findUserByEmail(db, email);
    if (!u) throw new Error(`No user with the email ${email}.`);
    return u;
  };
  const password = () => env.USER_PASSWORD ?? crypto.randomBytes(12).toString("base64url");
  try {
    switch (cmd) {
      case "add": {
        const pw = password();
        const u = await createUser(
          db,
          CLI_ACTOR,
          { email, role: third, name: rest.join(" ") || email?.split("@")[0] || "", password: pw },
          { mustChangePassword: !env.USER_PASSWORD },
        );
        out.push(`Created ${u.email} (${u.role}).${env.USER_PASSWORD ? "" : ` Temporary password: ${pw}`}`);
        return { code: 0, out, err };
      }
      case "role": {
        const u = await need();
        await setUserRole(db, CLI_ACTOR, { userId: u.id, role: third });
        out.push(`${u.email} is now ${third}.`);
        return { code: 0, out, err };
      }
      case "reset": {
        const u = await need();
        const pw = password();
        await resetUserPassword(db, CLI_ACTOR, { userId: u.id, password: pw });
        out.push(`Password of ${u.email} reset; it must be changed at next sign-in. Temporary password: ${pw}`);
        return { code: 0, out, err };
      }
      case "reset-2fa": {
        // The way back for the last admin who lost both the phone and the backup codes.
        const u = await need();
        const r = await resetUserTwoFactor(db, CLI_ACTOR, u.id);
        out.push(r.wasEnabled ? `Two-step sign-in of ${u.email} reset; they sign in with their password and can turn it on again.` : `${u.email} had no two-step sign-in.`);
        return { code: 0, out, err };
      }
      case "require-2fa": {
        // For an operator whose admins are held at the enrolment page: turning it off needs no
        // one's code. Turning it on is for an admin who uses two-step sign-in (Admin → Users).
        if (email === "status") {
          out.push(`Two-step sign-in is ${(await adminTwoFactorRequired(db)) ? "required" : "not required"} for administrators.`);
          return { code: 0, out, err };
        }
        if (email !== "off") throw new Error(`${USAGE}\nTurn the requirement on in the browser: Admin → Users, as an admin who uses two-step sign-in.`);
        const r = await setAdminTwoFactorRequired(db, CLI_ACTOR, false);
        out.push(r.changed ? "Two-step sign-in is no longer required for administrators." : "Two-step sign-in was not required for administrators.");
        return { code: 0, out, err };
      }
      case "deactivate":
      case "activate": {
        const u = await need();
        await setUserActive(db, CLI_ACTOR, u.id, cmd === "activate");
        out.push(`${u.email} ${cmd === "activate" ? "reactivated" : "deactivated"}.`);
        return { code: 0, out, err };
      }
      case "list":
        for (const u of await listUsers(db)) out.push(`${u.email}\t${u.role}${u.banned ? "\tdeactivated" : ""}${u.twoFactorEnabled ? "\ttwo-step" : ""}`);
        return { code: 0, out, err };
      default:
        err.push(USAGE);
        return { code: 2, out, err };
    }
  } catch (e) {
    // Field errors are message keys; the command line speaks English.
    if (isUserError(e)) err.push(`${e.message}${e.fields ? ` ${JSON.stringify(englishFieldErrors(e.fields))}` : ""}`);
    else err.push(e instanceof Error ? e.message : String(e));
    return { code: 2, out, err };
  }
}
