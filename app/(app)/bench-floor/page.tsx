import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/guard";

// The benchmark's floor page: the signed-in shell (the layout's guard, navigation, bell and
// search box) around an empty main, so `npm run bench` can report each page as a ratio to what
// the framework and the shell cost. Signed out it sends to sign-in like every page; signed in,
// it exists only when the server was started with BENCH_FLOOR_PAGE=1 (the bench sets it) and is
// a 404 otherwise.
export const dynamic = "force-dynamic";

export default async function Page() {
  await requireUser();
  if (process.env.BENCH_FLOOR_PAGE !== "1") notFound();
  return null;
}
