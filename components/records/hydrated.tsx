import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";

/** Puts data the server page already read into the browser's query cache under `queryKey`. */
export function Hydrated({ queryKey, data, children }: { queryKey: readonly unknown[]; data: unknown; children: ReactNode }) {
  const qc = new QueryClient();
  qc.setQueryData(queryKey, data);
  return <HydrationBoundary state={dehydrate(qc)}>{children}</HydrationBoundary>;
}
