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
import { archivePerson, removePerson } from "../actions";

/** Archive (with undo) or restore a person; delete only a person with no history. */
export function PersonRecordActions({ id, name, archived, deletable }: { id: number; name: string; archived: boolean; deletable: boolean }) {
  const t = useTranslations("people.form");
  const tp = useTranslations("partners.form");
  const router = useRouter();
  const toast = useToast();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const setArchived = (value: boolean, undoable: boolean) =>
    start(async () => {
      const r = await archivePerson(id, value);
      if (!r.ok) return setError(message(r.error));
      setError(null);
      void qc.invalidateQueries({ queryKey: queryKeys.people.all });
      router.refresh();
      toast({
        message: value ? tp("archivedToast", { name }) : tp("restoredToast", { name }),
        action: undoable ? { label: tp("undo"), onClick: () => setArchived(!value, false) } : undefined,
      });
    });

  const remove = () => {
    if (!window.confirm(tp("confirmDelete", { name }))) return;
    start(async () => {
      const r = await removePerson(id);
      if (!r.ok) return setError(r.error.code === "referenced" ? t("deleteRefused") : message(r.error));
      void qc.invalidateQueries({ queryKey: queryKeys.people.all });
      toast({ message: tp("deletedToast", { name }) });
      router.push("/people");
    });
  };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" disabled={pending} onClick={() => setArchived(!archived, true)}>
          {archived ? tp("restore") : tp("archive")}
        </Button>
        {deletable ? (
          <Button variant="danger" size="sm" disabled={pending} onClick={remove}>
            {tp("delete")}
          </Button>
        ) : null}
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
