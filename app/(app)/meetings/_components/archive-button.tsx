"use client";
import { useQueryClient } from "@tanstack/react-query";
import { Archive, ArchiveRestore } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
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
  const [pending, start] = useTransition();

  const run = (to: boolean, withUndo: boolean) =>
    start(async () => {
      const r = await setMeetingArchivedAction(id, to);
      if (!r.ok) {
        toast({ message: r.error.message, tone: "error" });
        return;
      }
      await qc.invalidateQueries({ queryKey: queryKeys.meetings.all });
      router.refresh();
      toast({
        message: to ? t("archivedToast") : t("restoredToast"),
        tone: "success",
        action: withUndo ? { label: t("undo"), onClick: () => run(!to, false) } : undefined,
      });
    });

  return (
    <Button type="button" variant="secondary" disabled={pending} onClick={() => run(!archived, true)}>
      {archived ? <ArchiveRestore aria-hidden className="size-4" /> : <Archive aria-hidden className="size-4" />}
      {archived ? t("restore") : t("archive")}
    </Button>
  );
}
