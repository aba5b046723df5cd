"use client";
import { useTranslations } from "next-intl";
import { RecordActions } from "@/components/records/record-actions";
import { queryKeys } from "@/lib/query/keys";
import { archivePartner, removePartner } from "../commands";

/** Archive (with undo) or restore a partner; delete only when nothing refers to it. */
export function PartnerRecordActions(props: { id: number; name: string; archived: boolean; deletable: boolean }) {
  const t = useTranslations("partners.form");
  return <RecordActions {...props} archive={archivePartner} remove={removePartner} queryKey={queryKeys.partners.all} listHref="/partners" deleteRefused={t("deleteRefused")} />;
}
