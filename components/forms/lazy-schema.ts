import type { z } from "zod";

/**
 * A shared schema the browser loads when a form is first used, not with the page: zod and the
 * schemas are about 31 KiB gzipped, which every page with a form would otherwise load up front
 * (issue 19's budget). Made once per module, e.g.
 * `lazySchema(() => import("@/lib/validation/people").then((m) => m.createPersonSchema))`.
 * The check is the same: the same schema runs before the round trip.
 */
export interface LazySchema {
  /** Starts loading (once; again after a failure) and gives the schema. */
  load: () => Promise<z.ZodType>;
  /** The schema once loaded, so a check after the first runs at once. */
  current: () => z.ZodType | undefined;
}

export function lazySchema(importer: () => Promise<z.ZodType>): LazySchema {
  let value: z.ZodType | undefined;
  let pending: Promise<z.ZodType> | undefined;
  return {
    load: () =>
      (pending ??= importer().then(
        (s) => (value = s),
        (e: unknown) => {
          pending = undefined;
          throw e;
        },
      )),
    current: () => value,
  };
}
