/**
 * Lets the page shell go out before synchronous database work.
 *
 * better-sqlite3 answers without yielding, and Next 16 renders a request in stages, each a timer
 * task, then streams the HTML from later tasks. An async server component inside <Suspense> that
 * reads at once blocks the task it runs in, so the header, navigation and filters waited for the
 * heavy part (first byte ≈ last byte, ~190 ms for /timeline at 100k meetings). Neither
 * setImmediate, setTimeout 0 nor `connection()` moved the first byte; waiting one short timer
 * does (first byte 25–100 ms) at a cost of 10 ms to the last byte. It only orders work: if the
 * machine is too busy for the shell to leave first, the page arrives whole, as before.
 */
export function afterShell(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 10));
}
