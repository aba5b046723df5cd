"use client";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Empty } from "@/components/ui/empty";
import { ListPager } from "./url-list";

interface Page {
  rows: unknown[];
  page: number;
  size: number;
  total: number;
}

/** A URL list's results: the failure, the rows (or the empty state) and the pager. */
export function ListResults<T extends Page>({
  query,
  failed,
  empty,
  setParams,
  children,
}: {
  query: UseQueryResult<T>;
  failed: string;
  empty: ReactNode;
  setParams: (c: Record<string, string | undefined>) => void;
  children: (data: T) => ReactNode;
}) {
  const data = query.data;
  return (
    <>
      {query.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {failed}
        </p>
      ) : null}
      {data && data.rows.length ? children(data) : <Empty>{empty}</Empty>}
      {data ? <ListPager page={data.page} size={data.size} total={data.total} setParams={setParams} busy={query.isFetching} /> : null}
    </>
  );
}
