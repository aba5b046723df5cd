import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";

/** Sends the words this area's client components use (i18n/client-namespaces.ts). */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages scope="(app)/meetings">{children}</ClientMessages>;
}
