"use client";
import { useTranslations } from "next-intl";
import { RecordActions } from "@/components/records/record-actions";
import { useArchivePerson, useRemovePerson } from "../queries";

/** Archive (with undo) or restore a person; delete only a person with no history. */
export function PersonRecordActions(props: { id: number; name: string; archived: boolean; deletable: boolean }) {
  const t = useTranslations("people.form");
  const archive = useArchivePerson();
  const remove = useRemovePerson();
  return (
    <RecordActions
      {...props}
      archive={(id, archived) => archive.mutateAsync({ id, archived })}
      remove={remove.mutateAsync}
      listHref="/people"
      deleteRefused={t("deleteRefused")}
    />
  );
}
