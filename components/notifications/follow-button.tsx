"use client";
import { Bell, BellOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCommand } from "@/components/forms/use-command";
import type { FollowableType } from "@/lib/notifications/kinds";
import { useFollowRecord } from "./notifications-api";

/** Follow or unfollow; the label says what a press does (and, in a list, of which record). */
export function FollowButton({ type, id, following, name }: { type: FollowableType; id: number; following: boolean; name?: string }) {
  const t = useTranslations("notifications");
  const [on, setOn] = useState(following);
  const [error, setError] = useState<string | null>(null);
  const followRecord = useFollowRecord();
  const follow = useCommand(followRecord.mutateAsync, {
    onSuccess: (r) => {
      setOn(r.following);
      setError(null);
    },
    onFailure: (e) => setError(e.message),
  });
  const pending = follow.pending;
  // A press while saving is ignored (the kit's runner drops it), so the button stays focusable.
  const toggle = () => follow.trigger({ recordType: type, recordId: id, follow: !on });
  const Icon = on ? BellOff : Bell;
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        // aria-disabled, not disabled: a disabled button drops the keyboard focus while it saves.
        aria-disabled={pending}
        onClick={toggle}
        title={on ? t("following") : t("notFollowing")}
        aria-label={name ? t(on ? "unfollowNamed" : "followNamed", { name }) : undefined}
        className="inline-flex h-8 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50"
      >
        <Icon aria-hidden className="size-4" />
        {on ? t("unfollow") : t("follow")}
      </button>
      {error ? (
        <span role="alert" className="text-xs text-red-800">
          {error}
        </span>
      ) : null}
    </span>
  );
}
