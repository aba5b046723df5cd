"use client";
import { X } from "lucide-react";
import Link from "next/link";
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";

export interface ToastInput {
  message: string;
  tone?: "success" | "error" | "info";
  /** A link to the record that was saved. */
  link?: { href: string; label: string };
  /** A button such as "Undo"; the toast closes after it runs. */
  action?: { label: string; onClick: () => void | Promise<void> };
  /** Milliseconds before it closes itself; toasts with an action stay longer. */
  duration?: number;
}
interface ToastItem extends ToastInput {
  id: number;
}

const ToastContext = createContext<((t: ToastInput) => void) | null>(null);

/** Shows a toast: `const toast = useToast(); toast({ message, link, action })`. */
export function useToast(): (t: ToastInput) => void {
  const ctx = useContext(ToastContext);
  if (!ctx) throw new Error("useToast needs <ToastProvider>");
  return ctx;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const t = useTranslations("common");
  const [items, setItems] = useState<ToastItem[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setItems((xs) => xs.filter((x) => x.id !== id)), []);
  const show = useCallback(
    (input: ToastInput) => {
      const id = next.current++;
      setItems((xs) => [...xs.slice(-2), { ...input, id }]);
      window.setTimeout(() => dismiss(id), input.duration ?? (input.action ? 10_000 : 6_000));
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div aria-live="polite" role="status" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4 sm:items-end sm:pr-6">
        {items.map((x) => (
          <div
            key={x.id}
            className={cn(
              "pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg border px-4 py-3 text-sm shadow-lg",
              x.tone === "error" ? "border-red-200 bg-red-50 text-red-900" : "border-slate-200 bg-white text-slate-900",
            )}
          >
            <div className="min-w-0 flex-1">
              <p>{x.message}</p>
              <div className="mt-1 flex gap-3">
                {x.link ? (
                  <Link href={x.link.href} className="font-medium text-brand-700 underline">
                    {x.link.label}
                  </Link>
                ) : null}
                {x.action ? (
                  <button
                    type="button"
                    className="font-medium text-brand-700 underline"
                    onClick={() => {
                      dismiss(x.id);
                      void x.action!.onClick();
                    }}
                  >
                    {x.action.label}
                  </button>
                ) : null}
              </div>
            </div>
            <button type="button" onClick={() => dismiss(x.id)} aria-label={t("dismiss")} className="rounded p-1 text-slate-600 hover:bg-slate-100">
              <X aria-hidden className="size-4" />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
