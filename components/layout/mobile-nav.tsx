"use client";
import * as Dialog from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { NavLinks } from "./nav-links";

export function MobileNav({ isAdmin, footer }: { isAdmin: boolean; footer: ReactNode }) {
  const t = useTranslations("common");
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className="inline-flex size-10 items-center justify-center rounded-md text-white hover:bg-brand-800 md:hidden" aria-label={t("menu")}>
        <Menu aria-hidden className="size-5" />
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <Dialog.Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-4 bg-brand-900 p-4 text-white shadow-xl">
          <div className="flex items-center justify-between">
            <Dialog.Title className="text-lg font-semibold">{t("appName")}</Dialog.Title>
            <Dialog.Close className="inline-flex size-10 items-center justify-center rounded-md hover:bg-brand-800" aria-label={t("closeMenu")}>
              <X aria-hidden className="size-5" />
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">{t("tagline")}</Dialog.Description>
          <nav aria-label={t("menu")}>
            <NavLinks isAdmin={isAdmin} onNavigate={() => setOpen(false)} />
          </nav>
          <div className="mt-auto">{footer}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
