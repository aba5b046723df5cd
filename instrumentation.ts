// Next calls register() once per server instance: the notification scheduler starts here, inside
// the server. Not during `next build` (which must not open the database) and not in the edge runtime.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startScheduler } = await import("@/server/notifications/server-scheduler");
  startScheduler();
}
