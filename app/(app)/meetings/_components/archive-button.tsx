"use client";
import { useQueryClient } from "@tanstack/react-query";
import { Archive, ArchiveRestore } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCommand } from "@/components/forms/use-command";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { queryKeys } from "@/lib/query/keys";
import { setMeetingArchivedAction } from "../commands";

/** Archives or restores a meeting; the toast offers to undo. */
export function ArchiveMeetingButton({ id, archived }: { id: number; archived: boolean }) {
  const t = useTranslations("meetings.detail");
  const toast = useToast();
  const router = useRouter();
  const qc = useQueryClient();
  // `undoable`: the toast offers to undo (an undo's own toast does not).
  const archive = useCommand((to: boolean, _undoable: boolean) => setMeetingArchivedAction(id, to), {
    onSuccess: async (_, to, undoable) => {
      await qc.invalidateQueries({ queryKey: queryKeys.meetings.all });
      router.refresh();
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
