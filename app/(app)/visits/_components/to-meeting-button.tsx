"use client";
import { Handshake } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useProgrammeItemToMeeting } from "../queries";
import { useVisitVersion } from "./visit-version";

export function ToMeetingButton({ visitId, itemId, title }: { visitId: number; itemId: number; title: string }) {
  const t = useTranslations("visits.detail");
  const toast = useToast();
  const toMeeting = useProgrammeItemToMeeting();
  const { version, setVersion } = useVisitVersion();
  const [pending, start] = useTransition();
  return (
    <Button
      type="button"
      size="sm"
      variant="secondary"
      className="print:hidden"
      disabled={pending}
      aria-label={`${t("toMeeting")}: ${title}`}
      onClick={() =>
        start(async () => {
          const r = await toMeeting.mutateAsync({ visitId, itemId, version });
          if (!r.ok) {
            toast({ message: t("toMeetingFailed"), tone: "error" });
            return;
          }
          setVersion(r.data.version);
          toast({ message: t("meetingMade"), tone: "success" });
        })
      }
    >
      <Handshake aria-hidden className="size-4" />
      {t("toMeeting")}
    </Button>
  );
}
