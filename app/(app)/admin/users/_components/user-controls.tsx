"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/forms/password-field";
import { inputClass } from "@/components/ui/field";
import { ROLES } from "@/lib/domain";
import { changeRole, resetPassword, setActive, type FormState } from "../actions";

/** The per-user controls of the users table: role, temporary password, active state. */
export function UserControls({ user, isSelf }: { user: { id: string; email: string; role: string; active: boolean }; isSelf: boolean }) {
  const t = useTranslations("admin");
  const te = useTranslations("enums.role");
  const [roleState, roleAction, rolePending] = useActionState<FormState, FormData>(changeRole, {});
  const [pwState, pwAction, pwPending] = useActionState<FormState, FormData>(resetPassword, {});
  const [activeState, activeAction, activePending] = useActionState<FormState, FormData>(setActive, {});
  const message = [roleState, pwState, activeState].find((s) => s.error) ?? [roleState, pwState, activeState].find((s) => s.done);
  return (
    <div className="space-y-2">
      {message?.error ? <Alert tone="error">{message.error}</Alert> : null}
      {message?.done && !message.error ? <Alert tone="success">{message.done}</Alert> : null}
      <div className="flex flex-wrap items-end gap-2">
        <form action={roleAction} className="flex items-end gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <label className="sr-only" htmlFor={`role-${user.id}`}>
            {t("roleOf", { email: user.email })}
          </label>
          <select id={`role-${user.id}`} name="role" defaultValue={user.role} className={`${inputClass} w-32`}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {te(r)}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" size="sm" className="whitespace-nowrap" disabled={rolePending} aria-label={t("changeRoleOf", { email: user.email })}>
            {t("changeRole")}
          </Button>
        </form>
        {isSelf ? null : (
          <form action={activeAction}>
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="active" value={user.active ? "false" : "true"} />
            <Button
              type="submit"
              variant={user.active ? "danger" : "secondary"}
              size="sm"
              disabled={activePending}
              aria-label={user.active ? t("deactivateUser", { email: user.email }) : t("reactivateUser", { email: user.email })}
            >
              {user.active ? t("deactivate") : t("reactivate")}
            </Button>
          </form>
        )}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700 underline">{t("resetPasswordOf", { email: user.email })}</summary>
        <form key={pwState.done} action={pwAction} className="mt-2 flex flex-wrap items-end gap-2" noValidate>
          <input type="hidden" name="userId" value={user.id} />
          <PasswordField
            label={t("tempPassword")}
            name="password"
            type="text"
            required
            minLength={12}
            autoComplete="off"
            spellCheck={false}
            errors={pwState.fields?.password}
            className="min-w-48 flex-1"
          />
          <Button type="submit" size="sm" disabled={pwPending}>
            {t("resetPassword")}
          </Button>
        </form>
      </details>
    </div>
  );
}
