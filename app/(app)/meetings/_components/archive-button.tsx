"use client";
import { Archive, ArchiveRestore } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCommand } from "@/components/forms/use-command";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useArchiveMeeting } from "../queries";

/** Archives or restores a meeting; the toast offers to undo. */
export function ArchiveMeetingButton({ id, archived }: { id: number; archived: boolean }) {
  const t = useTranslations("meetings.detail");
  const toast = useToast();
  const setArchived = useArchiveMeeting();
  // `undoable`: the toast offers to undo (an undo's own toast does not).
  const archive = useCommand((to: boolean, _undoable: boolean) => setArchived.mutateAsync({ id, archived: to }), {
    onSuccess: (_, to, undoable) => {
      toast({
        message: to ? t("archivedToast") : t("restoredToast"),
        tone: "success",
        action: undoable ? { label: t("undo"), onClick: () => archive.trigger(!to, false) } : undefined,
      });
    },
    onFailure: (e) => toast({ message: e.message, tone: "error" }),
  });

  return (
    <Button type="button" variant="secondary" disabled={archive.pending} onClick={() => archive.trigger(!archived, true)}>
      {archived ? <ArchiveRestore aria-hidden className="size-4" /> : <Archive aria-hidden className="size-4" />}
      {archived ? t("restore") : t("archive")}
    </Button>
  );
}
