"use client";
import { useTranslations } from "next-intl";
import type { MouseEvent } from "react";

/** The control's id for an error path: "gifts.0.item" → "f-gifts-0-item". */
export const fieldId = (path: string) => `f-${path.replace(/\./g, "-")}`;

// Paths whose errors show on another control: both halves of the start on the one field, a
// participant reference on its picker.
function targetPath(path: string): string {
  if (path === "date" || path === "time") return "when";
  return path
    .replace(/\.(from|to|owner)ParticipantIndex$/, ".$1PersonId")
    .replace(/^(participants\.\d+)\.newPerson$/, "$1.personId");
}

/** Links to every field with an error; following one focuses the field. */
export function ErrorSummary({ errors, labelFor }: { errors: Record<string, string[]>; labelFor: (path: string) => string }) {
  const t = useTranslations("meetings.form");
  const seen = new Set<string>();
  const items = Object.entries(errors).flatMap(([path, msgs]) => {
    const target = targetPath(path);
    if (seen.has(target)) return [];
    seen.add(target);
    return [{ target, label: labelFor(target), msg: msgs.join(" ") }];
  });
  if (!items.length) return null;
  const go = (e: MouseEvent<HTMLAnchorElement>, target: string) => {
    const el = document.getElementById(fieldId(target));
    if (!el) return;
    e.preventDefault();
    el.focus();
    el.scrollIntoView({ block: "center" });
  };
  return (
    <>
      <p className="mt-1">
        {t("errorCount", { n: items.length })} {t("errorLinks")}
      </p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {items.map((x) => (
          <li key={x.target}>
            <a href={`#${fieldId(x.target)}`} className="font-medium underline" onClick={(e) => go(e, x.target)}>
              {x.label}
            </a>
            : {x.msg}
          </li>
        ))}
      </ul>
    </>
  );
}
