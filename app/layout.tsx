import type { Metadata, Viewport } from "next";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Bridgehead", template: "%s · Bridgehead" },
  description: "Partnership tracker for a regional government's foreign-affairs office",
  manifest: "/manifest.webmanifest",
  icons: { icon: [{ url: "/favicon.ico", sizes: "32x32" }, { url: "/icon.svg", type: "image/svg+xml" }], apple: "/apple-touch-icon.png" },
  // An internal tool: never indexed, even where robots.txt is not read.
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { themeColor: "#184c88" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        {/* The shell's words only: each area's layout adds its own (i18n/client-namespaces.ts).
            The query client and toasts live in app/(app)/layout.tsx: the sign-in page needs neither. */}
        <ClientMessages>{children}</ClientMessages>
      </body>
    </html>
  );
}
