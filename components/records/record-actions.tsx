"use client";
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCommand } from "@/components/forms/use-command";
import { useErrorMessage } from "@/components/forms/use-record-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { CommandResult } from "@/lib/types/command";

export interface RecordActionsProps {
  id: number;
  name: string;
  archived: boolean;
  /** Offer delete: only for a record nothing refers to (the server checks again). */
  deletable: boolean;
  archive: (id: number, archived: boolean) => Promise<CommandResult<unknown>>;
  remove: (id: number) => Promise<CommandResult<unknown>>;
  /** The list queries to refresh after a change. */
  queryKey: QueryKey;
  /** Where to go once the record is deleted. */
  listHref: string;
  /** What to say when the server refuses a delete because something refers to the record. */
  deleteRefused: string;
}

/** Archive (with undo) or restore a partner or person; delete only when nothing refers to it. */
export function RecordActions({ id, name, archived, deletable, archive, remove, queryKey, listHref, deleteRefused }: RecordActionsProps) {
  const t = useTranslations("partners.form");
  const router = useRouter();
  const toast = useToast();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const [error, setError] = useState<string | null>(null);

  // `undoable`: the toast offers to undo (an undo's own toast does not).
  const setArchived = useCommand((value: boolean, _undoable: boolean) => archive(id, value), {
    onSuccess: (_, value, undoable) => {
      setError(null);
      void qc.invalidateQueries({ queryKey });
      router.refresh();
      toast({
        message: value ? t("archivedToast", { name }) : t("restoredToast", { name }),
        action: undoable ? { label: t("undo"), onClick: () => setArchived.trigger(!value, false) } : undefined,
      });
    },
    onFailure: (e) => setError(message(e)),
  });

  const del = useCommand(remove, {
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey });
      toast({ message: t("deletedToast", { name }) });
      router.push(listHref);
    },
    onFailure: (e) => setError(e.code === "referenced" ? deleteRefused : message(e)),
  });
  const onDelete = () => {
    if (window.confirm(t("confirmDelete", { name }))) del.trigger(id);
  };
  const pending = setArchived.pending || del.pending;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" disabled={pending} onClick={() => setArchived.trigger(!archived, true)}>
          {archived ? t("restore") : t("archive")}
        </Button>
        {deletable ? (
          <Button variant="danger" size="sm" disabled={pending} onClick={onDelete}>
            {t("delete")}
          </Button>
        ) : null}
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
