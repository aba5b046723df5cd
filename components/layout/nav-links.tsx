"use client";
import { CalendarRange, ListChecks, FileText, Handshake, KanbanSquare, LayoutDashboard, Plane, Settings, Users, Building2 } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";

const ITEMS = [
  { href: "/", key: "dashboard", icon: LayoutDashboard },
  { href: "/partners", key: "partners", icon: Building2 },
  { href: "/meetings", key: "meetings", icon: Handshake },
  { href: "/visits", key: "visits", icon: Plane },
  { href: "/actions", key: "actions", icon: ListChecks },
  { href: "/people", key: "people", icon: Users },
  { href: "/timeline", key: "timeline", icon: CalendarRange },
  { href: "/board", key: "board", icon: KanbanSquare },
  { href: "/reports", key: "reports", icon: FileText },
  { href: "/admin", key: "admin", icon: Settings, adminOnly: true },
] as const;

export function NavLinks({ isAdmin, onNavigate }: { isAdmin: boolean; onNavigate?: () => void }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <ul className="flex flex-col gap-1">
      {ITEMS.filter((i) => !("adminOnly" in i) || isAdmin).map(({ href, key, icon: Icon }) => {
        const active = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={href}>
            <Link
              href={href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium",
                active ? "bg-brand-700 text-white" : "text-slate-200 hover:bg-brand-800 hover:text-white",
              )}
            >
              <Icon aria-hidden className="size-4 shrink-0" />
              {t(key)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

