"use client";
import { FormError, SubmitButton } from "@/components/forms/form-parts";
import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCommandForm } from "@/components/forms/use-command-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { ROLES } from "@/lib/domain";
import { createToken } from "../commands";

export function TokenForm() {
  const t = useTranslations("admin");
  const te = useTranslations("enums.role");
  // The new token's secret, shown once: it lives in this state until the page is left.
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  // The schema (lib/validation/users.ts) loads the password checker, so the server alone checks;
  // its field errors come back as keys and the kit words them.
  const { formProps, err, formError, pending } = useCommandForm({
    command: createToken,
    message: (e) => (e.code === "validation_failed" ? t("fixFields") : e.message),
    onSaved: (data) => setCreated(data),
  });
  return (
    <div className="space-y-4">
      {created ? (
        <Alert tone="warning" title={t("tokenCreated", { name: created.name })}>
          <p>{t("tokenOnce")}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <label htmlFor="new-token" className="sr-only">
              {t("tokenValue")}
            </label>
            <input id="new-token" readOnly value={created.token} className={`${inputClass} min-w-0 flex-1 font-mono`} onFocus={(e) => e.currentTarget.select()} />
            <Button type="button" variant="secondary" size="sm" onClick={() => void navigator.clipboard.writeText(created.token).then(() => setCopied(created.token))}>
              {copied === created.token ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
              {copied === created.token ? t("copied") : t("copy")}
            </Button>
          </div>
        </Alert>
      ) : null}
      <form
        {...formProps}
        key={created?.token}
        className="space-y-4"
        aria-label={t("newToken")}
      >
        <FormError error={formError} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("tokenName")} name="name" required autoComplete="off" hint={t("tokenNameHint")} errors={err("name")} />
          <SelectField label={t("role")} name="role" defaultValue="viewer" hint={t("tokenRoleHint")} options={ROLES.map((r) => ({ value: r, label: te(r) }))} errors={err("role")} />
        </div>
        <SubmitButton pending={pending} busy={t("saving")}>
          {t("createToken")}
        </SubmitButton>
      </form>
    </div>
  );
}
