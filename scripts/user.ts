// `npm run user -- <command>`: manage accounts from the shell.
//   add <email> <role> [name]      creates a user; the password comes from USER_PASSWORD or is generated
//   role <email> <role>            changes a role (admin, editor, viewer)
//   reset <email>                  sets a new temporary password (USER_PASSWORD or generated)
//   reset-2fa <email>              turns off two-step sign-in (lost phone and backup codes)
//   require-2fa off | status       stops requiring two-step sign-in for admins, or tells whether it is
//   deactivate <email> | activate <email>
//   list
import { openDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { userCommand } from "./user-command";

async function main(): Promise<number> {
  const db = openDb();
  await runMigrations(db);
  const r = await userCommand(db, process.argv.slice(2), { USER_PASSWORD: process.env.USER_PASSWORD });
  for (const line of r.out) console.log(line);
  for (const line of r.err) console.error(line);
  return r.code;
}

main()
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  });
