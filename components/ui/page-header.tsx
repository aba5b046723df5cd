import Link from "next/link";
import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** The page's main link (new record, import), drawn as a button; the page passes it only to a writer. */
export interface HeaderLink {
  href: string;
  label: string;
  icon?: LucideIcon;
  variant?: "primary" | "secondary";
}

export function PageHeader({ title, lead, actions, link }: { title: ReactNode; lead?: ReactNode; actions?: ReactNode; link?: HeaderLink | null }) {
  const Icon = link?.icon;
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {lead ? <p className="mt-1 text-sm text-slate-600">{lead}</p> : null}
      </div>
      {actions || link ? (
        <div className="flex flex-wrap gap-2">
          {actions}
          {link ? (
            <Button asChild variant={link.variant}>
              <Link href={link.href}>
                {Icon ? <Icon aria-hidden className="size-4" /> : null}
                {link.label}
              </Link>
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
