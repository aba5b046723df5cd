"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCommand } from "@/components/forms/use-command";
import { useToast } from "@/components/ui/toast";
import { useTickChecklist } from "../queries";
import { useVisitVersion } from "./visit-version";

export interface ChecklistEntry {
  id: number;
  title: string;
  side: string;
  due: string | null;
  done: boolean;
}

/** The checklist, ticked in place; each tick is saved at once against the visit's version. */
export function Checklist({ visitId, items, canWrite }: { visitId: number; items: ChecklistEntry[]; canWrite: boolean }) {
  const t = useTranslations("visits");
  const toast = useToast();
  const tickChecklist = useTickChecklist();
  const { version, setVersion } = useVisitVersion();
  const [done, setDone] = useState(() => new Map(items.map((i) => [i.id, i.done])));
  const save = useCommand((id: number, to: boolean) => tickChecklist.mutateAsync({ visitId, input: { itemId: id, done: to, version } }), {
    onSuccess: (r) => {
      setVersion(r.version);
    },
    onFailure: (_, id, to) => {
      setDone((m) => new Map(m).set(id, !to));
      toast({ message: t("detail.toggleFailed"), tone: "error" });
    },
  });
  const pending = save.pending;

  // Ticked at once on screen; put back if the server refuses.
  const tick = (id: number, to: boolean) => {
    setDone((m) => new Map(m).set(id, to));
    save.trigger(id, to);
  };

  if (!items.length) return <p className="text-sm text-slate-600">{t("detail.noChecklist")}</p>;
  return (
    <ul className="space-y-2 text-sm" aria-busy={pending}>
      {items.map((i) => (
        <li key={i.id} className="flex items-start gap-3">
          <input
            id={`check-${i.id}`}
            type="checkbox"
            className="mt-0.5 size-4 accent-brand-700"
            checked={done.get(i.id) ?? false}
            disabled={!canWrite || pending}
            onChange={(e) => tick(i.id, e.currentTarget.checked)}
          />
          <label htmlFor={`check-${i.id}`} className="min-w-0">
            <span className={done.get(i.id) ? "text-slate-600 line-through" : "text-slate-900"}>{i.title}</span>
            <span className="block text-xs text-slate-600">
              {t(`side.${i.side}`)}
              {i.due ? ` · ${t("detail.due", { date: i.due })}` : ""}
            </span>
          </label>
        </li>
      ))}
    </ul>
  );
}
