import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { getCurrentUser } from "@/server/auth/guard";
import { SignInForm } from "./sign-in-form";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("auth.signIn");

export default async function LoginPage() {
  if (await getCurrentUser()) redirect("/");
  const t = await getTranslations("auth");
  return (
    <main className="flex min-h-screen items-center justify-center bg-brand-900 px-4 py-10">
      <div className="w-full max-w-sm rounded-xl bg-white p-6 shadow-xl">
        <h1 className="text-xl font-semibold text-slate-900">{t("signInTitle")}</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">{t("signInLead")}</p>
        <SignInForm />
        {/* After the form, so the first Tab on the page lands in Email. */}
        <div className="mt-6 flex justify-center border-t border-slate-200 pt-4">
          <LanguageSwitch />
        </div>
      </div>
    </main>
  );
}
