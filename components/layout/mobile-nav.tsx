"use client";
import { Menu } from "lucide-react";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useRef, useState, type ReactNode } from "react";

// The drawer (and Radix's dialog with it) is fetched the first time the menu is wanted: on hover,
// focus or touch of the button, so it is usually there by the time the click lands.
const loadDrawer = () => import("./mobile-drawer");
const MobileDrawer = lazy(loadDrawer);

export function MobileNav({ isAdmin, footer }: { isAdmin: boolean; footer: ReactNode }) {
  const t = useTranslations("common");
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const preload = () => void loadDrawer();
  return (
    <>
      <button
        ref={button}
        type="button"
        className="inline-flex size-10 items-center justify-center rounded-md text-white hover:bg-brand-800 md:hidden"
        aria-label={t("menu")}
        aria-haspopup="dialog"
        aria-expanded={open}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
      >
        <Menu aria-hidden className="size-5" />
      </button>
      {wanted && (
        <Suspense fallback={null}>
          <MobileDrawer open={open} onOpenChange={setOpen} isAdmin={isAdmin} footer={footer} trigger={button} />
        </Suspense>
      )}
    </>
  );
}
