import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/** A titled section of a page; the heading level is the caller's, so outlines stay right. */
export function Card({
  title,
  headingLevel = 2,
  actions,
  children,
  className,
  id,
}: {
  title?: ReactNode;
  headingLevel?: 2 | 3;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  id?: string;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className={cn("rounded-lg border border-slate-200 bg-white shadow-sm", className)} aria-labelledby={title && id ? `${id}-h` : undefined}>
      {title ? (
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
          <H id={id ? `${id}-h` : undefined} className="text-base font-semibold text-slate-900">
            {title}
          </H>
          {actions}
        </div>
      ) : null}
      <div className="p-4">{children}</div>
    </section>
  );
}
