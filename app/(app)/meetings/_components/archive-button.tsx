"use client";
import { Archive, ArchiveRestore } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useArchiveMeeting } from "../queries";

/** Archives or restores a meeting; the toast offers to undo. */
export function ArchiveMeetingButton({ id, archived }: { id: number; archived: boolean }) {
  const t = useTranslations("meetings.detail");
  const toast = useToast();
  const archive = useArchiveMeeting();
  const [pending, start] = useTransition();

  const run = (to: boolean, withUndo: boolean) =>
    start(async () => {
      const r = await archive.mutateAsync({ id, archived: to });
      if (!r.ok) {
        toast({ message: r.error.message, tone: "error" });
        return;
      }
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
