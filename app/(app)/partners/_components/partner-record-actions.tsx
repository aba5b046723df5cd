"use client";
import { useTranslations } from "next-intl";
import { RecordActions } from "@/components/records/record-actions";
import { useArchivePartner, useRemovePartner } from "../queries";

/** Archive (with undo) or restore a partner; delete only when nothing refers to it. */
export function PartnerRecordActions(props: { id: number; name: string; archived: boolean; deletable: boolean }) {
  const t = useTranslations("partners.form");
  const archive = useArchivePartner();
  const remove = useRemovePartner();
  return (
    <RecordActions
      {...props}
      archive={(id, archived) => archive.mutateAsync({ id, archived })}
      remove={remove.mutateAsync}
      listHref="/partners"
      deleteRefused={t("deleteRefused")}
    />
  );
}
