"use client";
import { Handshake } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCommand } from "@/components/forms/use-command";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useProgrammeItemToMeeting } from "../queries";
import { useVisitVersion } from "./visit-version";

export function ToMeetingButton({ visitId, itemId, title }: { visitId: number; itemId: number; title: string }) {
  const t = useTranslations("visits.detail");
  const toast = useToast();
  const toMeeting = useProgrammeItemToMeeting();
  const { version, setVersion } = useVisitVersion();
  const make = useCommand(() => toMeeting.mutateAsync({ visitId, itemId, version }), {
    onSuccess: (r) => {
      setVersion(r.version);
      toast({ message: t("meetingMade"), tone: "success" });
    },
    onFailure: () => toast({ message: t("toMeetingFailed"), tone: "error" }),
  });
  return (
    <Button
      type="button"
      size="sm"
      variant="secondary"
      className="print:hidden"
      disabled={make.pending}
      aria-label={`${t("toMeeting")}: ${title}`}
      onClick={() => make.trigger()}
    >
      <Handshake aria-hidden className="size-4" />
      {t("toMeeting")}
    </Button>
  );
}
