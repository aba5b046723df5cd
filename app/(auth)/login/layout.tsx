import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";

/** Sends the words the sign-in forms use (i18n/client-namespaces.ts): their field errors are message keys. */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages scope="(auth)/login">{children}</ClientMessages>;
}
