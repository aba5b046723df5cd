import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { FollowButton } from "@/components/notifications/follow-button";
import { ActionStatusBadge } from "./action-status-badge";

type Item = { id: number; status: string; title: string; description?: string | null };

/** A record page's follow-ups, or `empty` when it has none. */
export function ActionItems<A extends Item>({ actions, side, meta, followed, empty }: { actions: A[]; side: (a: A) => ReactNode; meta: (a: A) => ReactNode; followed: Set<number>; empty: ReactNode }) {
  if (!actions.length) return empty;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {actions.map((a) => (
        <ActionItem key={a.id} action={a} side={side(a)} meta={meta(a)} following={followed.has(a.id)} />
      ))}
    </ul>
  );
}

/**
 * One follow-up in a record page's list (a meeting's, a partner's): its state and side, title,
 * description, who owns it and by when, and the follow button. The page words the side and the
 * owner line, since the two pages read different namespaces.
 */
export function ActionItem({ action, side, meta, following }: { action: Item; side: ReactNode; meta: ReactNode; following: boolean }) {
  return (
    <li className="py-3">
      <div className="flex flex-wrap items-center gap-2">
        <ActionStatusBadge status={action.status} />
        <Badge>{side}</Badge>
      </div>
      <p className="mt-1 font-medium text-slate-900">{action.title}</p>
      {action.description ? <p className="text-slate-700">{action.description}</p> : null}
      <p className="text-xs text-slate-600">{meta}</p>
      <div className="mt-2">
        <FollowButton type="action" id={action.id} name={action.title} following={following} />
      </div>
    </li>
  );
}
