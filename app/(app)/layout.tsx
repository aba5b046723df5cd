import { BellRing, KeyRound, LogOut } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { signOut } from "@/app/commands";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { MobileNav } from "@/components/layout/mobile-nav";
import { NavLinks } from "@/components/layout/nav-links";
import { SearchBox } from "@/components/layout/search-box";
import { TimeZoneCookie } from "@/components/layout/time-zone-cookie";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { Providers } from "@/components/providers";
import { getDb } from "@/db";
import { recordUserContext } from "@/db/queries/mail-queue";
import { requireUser } from "@/server/auth/guard";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";

export default async function AppLayout({ children }: { children: ReactNode }) {
  // Each page checks the temporary password and a required enrolment itself, so the password and
  // two-step pages can render in the shell.
  const user = await requireUser("read", { allowTemporaryPassword: true, allowTwoFactorEnrolment: true });
  const t = await getTranslations("common");
  const tn = await getTranslations("nav");
  const te = await getTranslations("enums.role");
  const ta = await getTranslations("account");
  const tnot = await getTranslations("notifications");
  const [{ zone, fromBrowser }, locale] = await Promise.all([viewerTimeZone(), viewerLocale()]);
  // Reminders are judged on the user's own calendar and mailed in their language: keep both.
  await recordUserContext(getDb(), { userId: user.id, timeZone: fromBrowser, locale });
  const account = (
    <div className="space-y-3 text-sm">
      {/* The address breaks only where it must (at its own punctuation first), never mid-word. */}
      <p className="text-slate-200 [overflow-wrap:anywhere]">
        {t("signedInAs", { email: user.email })}
        <br />
        <span className="text-slate-300">
          {t("role")}: {te(user.role)}
        </span>
      </p>
      <Link href="/account/password" className="inline-flex items-center gap-2 rounded-md px-2 py-1 text-slate-100 hover:bg-brand-800">
        <KeyRound aria-hidden className="size-4" />
        {ta("link")}
      </Link>
      <Link href="/account/notifications" className="inline-flex items-center gap-2 rounded-md px-2 py-1 text-slate-100 hover:bg-brand-800">
        <BellRing aria-hidden className="size-4" />
        {tnot("pref.title")}
      </Link>
      <form action={signOut}>
        <button type="submit" className="inline-flex items-center gap-2 rounded-md px-2 py-1 text-slate-100 hover:bg-brand-800">
          <LogOut aria-hidden className="size-4" />
          {t("signOut")}
        </button>
      </form>
    </div>
  );
  return (
    <Providers>
      <div className="min-h-screen md:flex">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          {t("skipToContent")}
        </a>
        <TimeZoneCookie current={fromBrowser} />
        <header className="flex items-center justify-between bg-brand-900 px-4 py-2 text-white md:hidden">
          <span className="text-lg font-semibold">{t("appName")}</span>
          <MobileNav isAdmin={user.role === "admin"} footer={account} />
        </header>
        <aside className="hidden w-60 shrink-0 flex-col gap-6 bg-brand-900 p-4 text-white md:flex">
          <div>
            <p className="text-lg font-semibold">{t("appName")}</p>
            <p className="text-xs text-slate-300">{t("tagline")}</p>
          </div>
          <nav aria-label={tn("main")}>
            <NavLinks isAdmin={user.role === "admin"} />
          </nav>
          <div className="mt-auto">{account}</div>
        </aside>
        <div className="min-w-0 flex-1">
          <div className="flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-2">
            <SearchBox />
            <div className="flex shrink-0 items-center gap-3">
              <NotificationBell zone={zone} />
              <LanguageSwitch />
            </div>
          </div>
          <main id="main" className="mx-auto max-w-6xl px-4 py-6 md:px-8">
            {children}
          </main>
        </div>
      </div>
    </Providers>
  );
}
