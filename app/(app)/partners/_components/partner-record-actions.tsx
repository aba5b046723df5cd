"use client";
import { useTranslations } from "next-intl";
import { RecordActions } from "@/components/records/record-actions";
import { archivePartnerCommand, removePartnerCommand } from "../queries";

/** Archive (with undo) or restore a partner; delete only when nothing refers to it. */
export function PartnerRecordActions(props: { id: number; name: string; archived: boolean; deletable: boolean }) {
  const t = useTranslations("partners.form");
  return <RecordActions {...props} archive={archivePartnerCommand} remove={removePartnerCommand} listHref="/partners" deleteRefused={t("deleteRefused")} />;
}
