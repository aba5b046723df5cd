import "server-only";
import { notFound } from "next/navigation";
import { isUserError } from "@/lib/errors";
import { parseIdParam } from "@/lib/validation/common";

// The one loader of a record's page: a malformed id and a missing record are the 404 page;
// any other failure stays an error (logged, with its reference), never a silent 404.

export async function loadOr404<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (isUserError(e) && e.code === "not_found") notFound();
    throw e;
  }
}

export async function loadByIdOr404<T>(idParam: string, load: (id: number) => Promise<T>): Promise<T> {
  const id = parseIdParam(idParam);
  if (id === null) notFound();
  return loadOr404(() => load(id));
}
