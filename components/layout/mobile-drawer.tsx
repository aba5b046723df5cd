"use client";
import * as Dialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode, RefObject } from "react";
import { NavLinks } from "./nav-links";

/**
 * The mobile menu's drawer (a Radix dialog), loaded by MobileNav only when the menu is first opened,
 * so the dialog's code is not in every page's scripts. On close, focus goes back to the menu button.
 */
export default function MobileDrawer({ open, onOpenChange, isAdmin, footer, trigger }: { open: boolean; onOpenChange: (open: boolean) => void; isAdmin: boolean; footer: ReactNode; trigger: RefObject<HTMLButtonElement | null> }) {
  const t = useTranslations("common");
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <Dialog.Content
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-4 bg-brand-900 p-4 text-white shadow-xl"
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            trigger.current?.focus();
          }}
        >
          <div className="flex items-center justify-between">
            <Dialog.Title className="text-lg font-semibold">{t("appName")}</Dialog.Title>
            <Dialog.Close className="inline-flex size-10 items-center justify-center rounded-md hover:bg-brand-800" aria-label={t("closeMenu")}>
              <X aria-hidden className="size-5" />
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">{t("tagline")}</Dialog.Description>
          <nav aria-label={t("menu")}>
            <NavLinks isAdmin={isAdmin} onNavigate={() => onOpenChange(false)} />
          </nav>
          <div className="mt-auto">{footer}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
