"use client";
import { useTranslations } from "next-intl";
import { RecordActions } from "@/components/records/record-actions";
import { queryKeys } from "@/lib/query/keys";
import { archivePerson, removePerson } from "../commands";

/** Archive (with undo) or restore a person; delete only a person with no history. */
export function PersonRecordActions(props: { id: number; name: string; archived: boolean; deletable: boolean }) {
  const t = useTranslations("people.form");
  return <RecordActions {...props} archive={archivePerson} remove={removePerson} queryKey={queryKeys.people.all} listHref="/people" deleteRefused={t("deleteRefused")} />;
}
