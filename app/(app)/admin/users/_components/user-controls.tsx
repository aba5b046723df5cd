"use client";
import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useCommand } from "@/components/forms/use-command";
import { formValues, useCommandForm } from "@/components/forms/use-command-form";
import { inputClass } from "@/components/ui/field";
import { ROLES } from "@/lib/domain";
import { REFUSAL_REASONS } from "@/lib/errors";
import type { CommandError } from "@/lib/types/command";
import { TempPasswordField } from "./temp-password-field";
import { changeRole, resetPassword, resetTwoFactor, setActive } from "../commands";

/** The per-user controls of the users table: role, temporary password, active state. */
export function UserControls({ user, isSelf }: { user: { id: string; email: string; role: string; active: boolean; twoFactor: boolean }; isSelf: boolean }) {
  const t = useTranslations("admin");
  const t2 = useTranslations("twoFactor.admin");
  const te = useTranslations("enums.role");
  // The last answer of any control, shown above them all.
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const words = (e: CommandError) => (e.details?.reason === REFUSAL_REASONS.lastAdmin ? t("lastAdmin") : e.code === "validation_failed" ? t("fixFields") : e.message);
  const fail = (e: CommandError) => setNotice({ tone: "error", text: words(e) });
  const role = useCommand(changeRole, { onSuccess: () => setNotice({ tone: "success", text: t("roleChanged") }), onFailure: fail });
  const active = useCommand(setActive, {
    onSuccess: (d, input) => setNotice({ tone: "success", text: input.active ? t("reactivated") : t("deactivated", { tokens: d.revokedTokens }) }),
    onFailure: fail,
  });
  const twoStep = useCommand(resetTwoFactor, { onSuccess: () => setNotice({ tone: "success", text: t2("resetDone", { email: user.email }) }), onFailure: fail });
  // The password form shows its field errors under the field, and its message with the others.
  const { formProps, err, formError, pending: pwPending } = useCommandForm({
    command: resetPassword,
    message: words,
    // Empties the password field after a reset.
    reset: "saved",
    onSaved: () => setNotice({ tone: "success", text: t("passwordReset") }),
    read: (form) => {
      setNotice(null);
      const { password } = formValues(form) as { password?: string };
      return { userId: user.id, password: password ?? "" };
    },
  });
  const shown = notice ?? (formError ? { tone: "error" as const, text: formError } : null);
  return (
    <div className="space-y-2">
      {shown ? <Alert tone={shown.tone}>{shown.text}</Alert> : null}
      <div className="flex flex-wrap items-end gap-2">
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            setNotice(null);
            const { role: chosen } = formValues(e.currentTarget) as { role?: string };
            role.trigger({ userId: user.id, role: chosen ?? "" });
          }}
        >
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
          <Button type="submit" variant="secondary" size="sm" className="whitespace-nowrap" disabled={role.pending} aria-label={t("changeRoleOf", { email: user.email })}>
            {t("changeRole")}
          </Button>
        </form>
        {isSelf ? null : user.active ? (
          <ConfirmDeactivate
            email={user.email}
            pending={active.pending}
            onConfirm={() => {
              setNotice(null);
              active.trigger({ userId: user.id, active: false });
            }}
          />
        ) : (
          <Button
            type="button"
            variant="secondary"
            size="sm"
            disabled={active.pending}
            aria-label={t("reactivateUser", { email: user.email })}
            onClick={() => {
              setNotice(null);
              active.trigger({ userId: user.id, active: true });
            }}
          >
            {t("reactivate")}
          </Button>
        )}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700 underline">{t("resetPasswordOf", { email: user.email })}</summary>
        <form {...formProps} className="mt-2 flex flex-wrap items-end gap-2">
          <TempPasswordField label={t("tempPassword")} errors={err("password")} className="min-w-48 flex-1" />
          <Button type="submit" size="sm" disabled={pwPending}>
            {t("resetPassword")}
          </Button>
        </form>
      </details>
      {user.twoFactor && !isSelf ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700 underline">{t2("resetOf", { email: user.email })}</summary>
          <div className="mt-2 space-y-2">
            <p className="text-slate-700">{t2("resetHint")}</p>
            <Button
              type="button"
              variant="danger"
              size="sm"
              disabled={twoStep.pending}
              onClick={() => {
                setNotice(null);
                twoStep.trigger({ userId: user.id });
              }}
            >
              {t2("reset")}
            </Button>
          </div>
        </details>
      ) : null}
    </div>
  );
}

/**
 * Deactivating locks a colleague out and revokes their keys for good, so a dialog asks first
 * (Escape or Cancel keeps them).
 */
function ConfirmDeactivate({ email, pending, onConfirm }: { email: string; pending: boolean; onConfirm: () => void }) {
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
                onConfirm();
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
