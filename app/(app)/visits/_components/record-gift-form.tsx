"use client";
import { Gift } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useCommand } from "@/components/forms/use-command";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useRecordPlannedGift } from "../queries";
import { useVisitVersion } from "./visit-version";

/** Records one planned gift into the gift register as given at a held meeting of the visit. */
export function RecordGiftForm({ visitId, plannedGiftId, item, meetings }: { visitId: number; plannedGiftId: number; item: string; meetings: { id: number; title: string }[] }) {
  const t = useTranslations("visits.detail");
  const toast = useToast();
  const recordGift = useRecordPlannedGift();
  const selectId = useId();
  const { version, setVersion } = useVisitVersion();
  const [meetingId, setMeetingId] = useState(meetings[0]?.id ?? 0);
  const record = useCommand(() => recordGift.mutateAsync({ visitId, input: { plannedGiftId, meetingId, version } }), {
    onSuccess: (r) => {
      setVersion(r.version);
      toast({ message: t("giftRecorded"), tone: "success" });
    },
    onFailure: () => toast({ message: t("recordGiftFailed"), tone: "error" }),
  });
  return (
    <form
      className="mt-2 flex flex-wrap items-end gap-2 print:hidden"
      onSubmit={(e) => {
        e.preventDefault();
        record.trigger();
      }}
    >
      <div className="min-w-0">
        <label htmlFor={selectId} className="block text-xs font-medium text-slate-700">
          {t("recordGiftAt")}
        </label>
        <select
          id={selectId}
          value={meetingId}
          onChange={(e) => setMeetingId(Number(e.currentTarget.value))}
          className="mt-1 block max-w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900"
        >
          {meetings.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" size="sm" variant="secondary" disabled={record.pending} aria-label={t("recordGiftFor", { item })}>
        <Gift aria-hidden className="size-4" />
        {t("recordGift")}
      </Button>
    </form>
  );
}
