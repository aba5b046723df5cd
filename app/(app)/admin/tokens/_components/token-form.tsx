"use client";
import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { ROLES } from "@/lib/domain";
import { createToken, type TokenState } from "../commands";

export function TokenForm() {
  const t = useTranslations("admin");
  const te = useTranslations("enums.role");
  const [state, action, pending] = useActionState<TokenState, FormData>(createToken, {});
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      {state.created ? (
        <Alert tone="warning" title={t("tokenCreated", { name: state.created.name })}>
          <p>{t("tokenOnce")}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <label htmlFor="new-token" className="sr-only">
              {t("tokenValue")}
            </label>
            <input id="new-token" readOnly value={state.created.token} className={`${inputClass} min-w-0 flex-1 font-mono`} onFocus={(e) => e.currentTarget.select()} />
            <Button
              type="button"
              variant="secondary"
              size="sm"
              onClick={() => {
                const token = state.created!.token;
                void navigator.clipboard.writeText(token).then(() => setCopied(token));
              }}
            >
              {copied === state.created.token ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
              {copied === state.created.token ? t("copied") : t("copy")}
            </Button>
          </div>
        </Alert>
      ) : null}
      <form key={state.created?.token} action={action} className="space-y-4" noValidate aria-label={t("newToken")}>
        {state.error ? <Alert tone="error">{state.error}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("tokenName")} name="name" required autoComplete="off" hint={t("tokenNameHint")} defaultValue={state.values?.name} errors={state.fields?.name} />
          <SelectField
            label={t("role")}
            name="role"
            defaultValue={state.values?.role ?? "viewer"}
            hint={t("tokenRoleHint")}
            options={ROLES.map((r) => ({ value: r, label: te(r) }))}
            errors={state.fields?.role}
          />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("createToken")}
        </Button>
      </form>
    </div>
  );
}
