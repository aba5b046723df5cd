"use client";
import { useTranslations } from "next-intl";
import { RecordActions } from "@/components/records/record-actions";
import { archivePersonCommand, removePersonCommand } from "../queries";

/** Archive (with undo) or restore a person; delete only a person with no history. */
export function PersonRecordActions(props: { id: number; name: string; archived: boolean; deletable: boolean }) {
  const t = useTranslations("people.form");
  return <RecordActions {...props} archive={archivePersonCommand} remove={removePersonCommand} listHref="/people" deleteRefused={t("deleteRefused")} />;
}
