import type { ReactNode } from "react";

export function Empty({ children }: { children: ReactNode }) {
  return <p className="py-4 text-sm text-slate-600">{children}</p>;
}
