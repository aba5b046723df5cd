import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

type Values = Record<string, string | number>;

/** A route's browser-tab title in the reader's language, from the words of its own heading. */
export async function titleMetadata(key: string, values?: Values): Promise<Metadata> {
  const t = (await getTranslations()) as unknown as (k: string, v?: Values) => string;
  return { title: t(key, values) };
}

/** `export const generateMetadata = pageTitle("board.title")` for a page with a fixed title. */
export const pageTitle = (key: string) => () => titleMetadata(key);
