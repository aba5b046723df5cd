"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useErrorMessage } from "@/components/records/use-record-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { queryKeys } from "@/lib/query/keys";
import { archivePartner, removePartner } from "../actions";

/** Archive (with undo) or restore a partner; delete only when nothing refers to it. */
export function PartnerRecordActions({ id, name, archived, deletable }: { id: number; name: string; archived: boolean; deletable: boolean }) {
  const t = useTranslations("partners.form");
  const router = useRouter();
  const toast = useToast();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const setArchived = (value: boolean, undoable: boolean) =>
    start(async () => {
      const r = await archivePartner(id, value);
      if (!r.ok) return setError(message(r.error));
      setError(null);
      void qc.invalidateQueries({ queryKey: queryKeys.partners.all });
      router.refresh();
      toast({
        message: value ? t("archivedToast", { name }) : t("restoredToast", { name }),
        action: undoable ? { label: t("undo"), onClick: () => setArchived(!value, false) } : undefined,
      });
    });

  const remove = () => {
    if (!window.confirm(t("confirmDelete", { name }))) return;
    start(async () => {
      const r = await removePartner(id);
      if (!r.ok) return setError(r.error.code === "referenced" ? t("deleteRefused") : message(r.error));
      void qc.invalidateQueries({ queryKey: queryKeys.partners.all });
      toast({ message: t("deletedToast", { name }) });
      router.push("/partners");
    });
  };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" disabled={pending} onClick={() => setArchived(!archived, true)}>
          {archived ? t("restore") : t("archive")}
        </Button>
        {deletable ? (
          <Button variant="danger" size="sm" disabled={pending} onClick={remove}>
            {t("delete")}
          </Button>
        ) : null}
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
