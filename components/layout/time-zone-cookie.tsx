"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";

/**
 * Tells the server the browser's time zone (a cookie), so that server-rendered times show
 * "your time" correctly and match what the browser would render.
 */
export function TimeZoneCookie({ current }: { current: string | null }) {
  const router = useRouter();
  useEffect(() => {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (tz && tz !== current) {
      document.cookie = `bh_tz=${encodeURIComponent(tz)}; path=/; max-age=31536000; samesite=lax`;
      router.refresh();
    }
  }, [current, router]);
  return null;
}
