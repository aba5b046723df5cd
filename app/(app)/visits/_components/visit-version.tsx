"use client";
import { createContext, useContext, useState, type ReactNode } from "react";

// The visit page's writes (ticking the checklist, recording a meeting) each move the visit's
// version on; they share the latest one so a second click is not refused as stale.
const VersionContext = createContext<{ version: number; setVersion: (v: number) => void } | null>(null);

export function VisitVersion({ version, children }: { version: number; children: ReactNode }) {
  const [v, setVersion] = useState(version);
  return <VersionContext.Provider value={{ version: v, setVersion }}>{children}</VersionContext.Provider>;
}

export function useVisitVersion() {
  const ctx = useContext(VersionContext);
  if (!ctx) throw new Error("useVisitVersion outside VisitVersion");
  return ctx;
}
