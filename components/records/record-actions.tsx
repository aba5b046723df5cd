"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCommand } from "@/components/forms/use-command";
import { useErrorMessage } from "@/components/forms/use-record-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useCommand as useMutationOf, type Command } from "@/lib/query/command-mutation";

export interface RecordActionsProps<A, R> {
  id: number;
  name: string;
  archived: boolean;
  /** Offer delete: only for a record nothing refers to (the server checks again). */
  deletable: boolean;
  /** The area's archive and delete writes (from its queries.ts: they say what they make stale). */
  archive: Command<{ id: number; archived: boolean }, A>;
  remove: Command<number, R>;
  /** Where to go once the record is deleted. */
  listHref: string;
  /** What to say when the server refuses a delete because something refers to the record. */
  deleteRefused: string;
}

/** Archive (with undo) or restore a partner or person; delete only when nothing refers to it. */
export function RecordActions<A, R>({ id, name, archived, deletable, archive, remove, listHref, deleteRefused }: RecordActionsProps<A, R>) {
  const t = useTranslations("partners.form");
  const router = useRouter();
  const toast = useToast();
  const message = useErrorMessage();
  const archiveRecord = useMutationOf(archive);
  const removeRecord = useMutationOf(remove);
  const [error, setError] = useState<string | null>(null);

  // `undoable`: the toast offers to undo (an undo's own toast does not).
  const setArchived = useCommand((value: boolean, _undoable: boolean) => archiveRecord.mutateAsync({ id, archived: value }), {
    onSuccess: (_, value, undoable) => {
      setError(null);
      toast({
        message: value ? t("archivedToast", { name }) : t("restoredToast", { name }),
        action: undoable ? { label: t("undo"), onClick: () => setArchived.trigger(!value, false) } : undefined,
      });
    },
    onFailure: (e) => setError(message(e)),
  });

  const del = useCommand((recordId: number) => removeRecord.mutateAsync(recordId), {
    onSuccess: () => {
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
