import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { getCurrentUser } from "@/server/auth/guard";
import { pendingSecondFactor } from "@/server/auth/two-factor";
import { CodeForm } from "./code-form";

export const metadata: Metadata = { title: "Sign in: code" };

export default async function TwoFactorPage() {
  if (await getCurrentUser()) redirect("/");
  if (!(await pendingSecondFactor(await headers()))) redirect("/login");
  const t = await getTranslations("twoFactor");
  return (
    <main className="flex min-h-screen items-center justify-center bg-brand-900 px-4 py-10">
      <div className="w-full max-w-sm rounded-xl bg-white p-6 shadow-xl">
        <div className="mb-4 flex justify-end">
          <LanguageSwitch />
        </div>
        <h1 className="text-xl font-semibold text-slate-900">{t("stepTitle")}</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">{t("stepLead")}</p>
        <CodeForm />
      </div>
    </main>
  );
}
