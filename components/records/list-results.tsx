"use client";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Empty } from "@/components/ui/empty";
import { Table, type Column } from "@/components/ui/table";
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

/**
 * A URL list drawn as a table that stacks into cards on a phone: the frame of `ListResults` with
 * the caption, the header row and one `row` a record (which returns its keyed `<tr>`).
 */
export function ListTable<T extends Page>({
  list: { query, setParams },
  caption,
  head,
  row,
  ...words
}: {
  /** The list's URL state and its query (`useUrlList`). */
  list: { query: UseQueryResult<T>; setParams: (c: Record<string, string | undefined>) => void };
  failed: string;
  empty: ReactNode;
  caption: string;
  head: readonly Column[];
  row: (record: T["rows"][number]) => ReactNode;
}) {
  return (
    <ListResults query={query} setParams={setParams} {...words}>
      {(data) => (
        <Table caption={caption} stack head={head}>
          <tbody>{data.rows.map(row)}</tbody>
        </Table>
      )}
    </ListResults>
  );
}
