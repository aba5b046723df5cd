"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

export interface ConflictChange {
  field: string;
  label: string;
  /** The value as it is stored now, after the other person's save. */
  theirs: string;
}

/**
 * Shown when a save was refused because someone else saved first: who, what they changed, and
 * two ways on. The form keeps everything the user typed either way.
 */
export function ConflictNotice({
  changedBy,
  changes,
  onKeepMine,
  onTakeTheirs,
}: {
  changedBy: string | null;
  changes: ConflictChange[];
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const t = useTranslations("forms.conflict");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 focus:outline-2 focus:outline-amber-600">
      <p className="font-semibold">{changedBy ? t("titleBy", { who: changedBy }) : t("title")}</p>
      {changes.length ? (
        <>
          <p className="mt-1">{t("theyChanged")}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {changes.map((c) => (
              <li key={c.field}>
                <span className="font-medium">{c.label}</span>: {c.theirs || t("empty")}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-1">{t("noFieldChanges")}</p>
      )}
      <p className="mt-2">{t("yoursKept")}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button type="button" size="sm" onClick={onKeepMine}>
          {t("keepMine")}
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={onTakeTheirs}>
          {t("takeTheirs")}
        </Button>
      </div>
    </div>
  );
}
