"use client";
import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useActionState, useRef, useState, type RefObject } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/forms/password-field";
import { inputClass } from "@/components/ui/field";
import { ROLES } from "@/lib/domain";
import { changeRole, resetPassword, resetTwoFactor, setActive, type FormState } from "../commands";

/** The per-user controls of the users table: role, temporary password, active state. */
export function UserControls({ user, isSelf }: { user: { id: string; email: string; role: string; active: boolean; twoFactor: boolean }; isSelf: boolean }) {
  const t = useTranslations("admin");
  const t2 = useTranslations("twoFactor.admin");
  const te = useTranslations("enums.role");
  const [roleState, roleAction, rolePending] = useActionState<FormState, FormData>(changeRole, {});
  const [pwState, pwAction, pwPending] = useActionState<FormState, FormData>(resetPassword, {});
  const [activeState, activeAction, activePending] = useActionState<FormState, FormData>(setActive, {});
  const activeForm = useRef<HTMLFormElement>(null);
  const [tfState, tfAction, tfPending] = useActionState<FormState, FormData>(resetTwoFactor, {});
  const states = [roleState, pwState, activeState, tfState];
  const message = states.find((s) => s.error) ?? states.find((s) => s.done);
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
          <form action={activeAction} ref={activeForm}>
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="active" value={user.active ? "false" : "true"} />
            {user.active ? (
              <ConfirmDeactivate email={user.email} form={activeForm} pending={activePending} />
            ) : (
              <Button type="submit" variant="secondary" size="sm" disabled={activePending} aria-label={t("reactivateUser", { email: user.email })}>
                {t("reactivate")}
              </Button>
            )}
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
      {user.twoFactor && !isSelf ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700 underline">{t2("resetOf", { email: user.email })}</summary>
          <form action={tfAction} className="mt-2 space-y-2">
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="email" value={user.email} />
            <p className="text-slate-700">{t2("resetHint")}</p>
            <Button type="submit" variant="danger" size="sm" disabled={tfPending}>
              {t2("reset")}
            </Button>
          </form>
        </details>
      ) : null}
    </div>
  );
}

/**
 * Deactivating locks a colleague out and revokes their keys for good, so a dialog asks first
 * (Escape or Cancel keeps them). The dialog is portalled out of the form, and a submit button
 * inside it would lose its form as the dialog closes, so the confirm button submits the form
 * through its ref.
 */
function ConfirmDeactivate({ email, form, pending }: { email: string; form: RefObject<HTMLFormElement | null>; pending: boolean }) {
  const t = useTranslations("admin");
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button type="button" variant="danger" size="sm" disabled={pending} aria-label={t("deactivateUser", { email })}>
          {t("deactivate")}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl">
          <Dialog.Title className="text-base font-semibold text-slate-900">{t("confirmDeactivateTitle", { email })}</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-slate-700">{t("confirmDeactivateBody")}</Dialog.Description>
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <Dialog.Close asChild>
              <Button type="button" variant="secondary" size="sm">
                {t("cancel")}
              </Button>
            </Dialog.Close>
            <Button
              type="button"
              variant="danger"
              size="sm"
              onClick={() => {
                form.current?.requestSubmit();
                setOpen(false);
              }}
            >
              {t("confirmDeactivate")}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
