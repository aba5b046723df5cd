"use client";
import { Gift } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useRecordPlannedGift } from "../queries";
import { useVisitVersion } from "./visit-version";

/** Records one planned gift into the gift register as given at a held meeting of the visit. */
export function RecordGiftForm({ visitId, plannedGiftId, item, meetings }: { visitId: number; plannedGiftId: number; item: string; meetings: { id: number; title: string }[] }) {
  const t = useTranslations("visits.detail");
  const toast = useToast();
  const record = useRecordPlannedGift();
  const selectId = useId();
  const { version, setVersion } = useVisitVersion();
  const [meetingId, setMeetingId] = useState(meetings[0]?.id ?? 0);
  const [pending, start] = useTransition();
  return (
    <form
      className="mt-2 flex flex-wrap items-end gap-2 print:hidden"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await record.mutateAsync({ visitId, input: { plannedGiftId, meetingId, version } });
          if (!r.ok) {
            toast({ message: t("recordGiftFailed"), tone: "error" });
            return;
          }
          setVersion(r.data.version);
          toast({ message: t("giftRecorded"), tone: "success" });
        });
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
      <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={t("recordGiftFor", { item })}>
        <Gift aria-hidden className="size-4" />
        {t("recordGift")}
      </Button>
    </form>
  );
}
