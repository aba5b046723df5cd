// `npm run user -- <command>`: manage accounts from the shell.
//   add <email> <role> [name]      creates a user; the password comes from USER_PASSWORD or is generated
//   role <email> <role>            changes a role (admin, editor, viewer)
//   reset <email>                  sets a new temporary password (USER_PASSWORD or generated)
//   deactivate <email> | activate <email>
//   list
import crypto from "node:crypto";
import { openDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import type { Actor } from "@/db/audit";
import { createUser, findUserByEmail, listUsers, resetUserPassword, setUserActive, setUserRole } from "@/db/queries/users";
import { isUserError } from "@/lib/errors";

const CLI: Actor = { userId: null, label: "cli", role: "system" };
const USAGE = "usage: npm run user -- add <email> <role> [name] | role <email> <role> | reset <email> | deactivate <email> | activate <email> | list";

async function main(): Promise<number> {
  const [cmd, email, third, ...rest] = process.argv.slice(2);
  const db = openDb();
  runMigrations(db);
  const need = async () => {
    if (!email) throw new Error(USAGE);
    const u = await findUserByEmail(db, email);
    if (!u) throw new Error(`No user with the email ${email}.`);
    return u;
  };
  const password = () => process.env.USER_PASSWORD ?? crypto.randomBytes(12).toString("base64url");
  switch (cmd) {
    case "add": {
      const pw = password();
      const u = await createUser(db, CLI, { email, role: third, name: rest.join(" ") || email?.split("@")[0] || "", password: pw }, { mustChangePassword: !process.env.USER_PASSWORD });
      console.log(`Created ${u.email} (${u.role}).${process.env.USER_PASSWORD ? "" : ` Temporary password: ${pw}`}`);
      return 0;
    }
    case "role": {
      const u = await need();
      await setUserRole(db, CLI, { userId: u.id, role: third });
      console.log(`${u.email} is now ${third}.`);
      return 0;
    }
    case "reset": {
      const u = await need();
      const pw = password();
      await resetUserPassword(db, CLI, { userId: u.id, password: pw });
      console.log(`Password of ${u.email} reset; it must be changed at next sign-in. Temporary password: ${pw}`);
      return 0;
    }
    case "deactivate":
    case "activate": {
      const u = await need();
      await setUserActive(db, CLI, u.id, cmd === "activate");
      console.log(`${u.email} ${cmd === "activate" ? "reactivated" : "deactivated"}.`);
      return 0;
    }
    case "list":
      for (const u of await listUsers(db)) console.log(`${u.email}\t${u.role}${u.banned ? "\tdeactivated" : ""}`);
      return 0;
    default:
      console.error(USAGE);
      return 2;
  }
}

main()
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    if (isUserError(e)) console.error(`${e.message}${e.fields ? ` ${JSON.stringify(e.fields)}` : ""}`);
    else console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  });
