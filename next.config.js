// @ts-check
/* eslint-disable @typescript-eslint/no-require-imports -- Next loads this file as CommonJS */
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx for a signed-in user whose role lacks a permission.
  // proxyClientMaxBodySize: Next copies a request body for the proxy up to this size and reads
  // (discards) the rest; above the proxy's own 1 MiB server-action limit, so the proxy still sees
  // an oversized body as oversized, and low enough that a huge one never sits in memory.
  // preloadEntriesOnStart: off, since scripts/next-server.ts loads the routes after the first answer.
  // The client components' messages are precompiled (i18n/precompile.ts): the browser formats them
  // with use-intl's format-only formatter, without the ICU parser (12 KiB gzipped on every page);
  // the server, which also formats its own ICU strings, takes i18n/format-message.js (both kinds).
  turbopack: {
    resolveAlias: {
      "use-intl/format-message": {
        browser: "./node_modules/use-intl/dist/esm/production/format-message/format-only.js",
        default: "./i18n/format-message.js",
      },
    },
  },
  experimental: { preloadEntriesOnStart: false, authInterrupts: true, proxyClientMaxBodySize: 2 * 1024 * 1024 },
  // Files read at run time from paths tracing cannot follow: migrations at start, and the PDF
  // fonts (server/export/fonts.ts) where PDFs are rendered, in the API's export routes.
  outputFileTracingIncludes: {
    "/**": ["./drizzle/**/*"],
    "/api/**": ["./node_modules/@expo-google-fonts/noto-*/{400Regular,700Bold}/*.ttf"],
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
