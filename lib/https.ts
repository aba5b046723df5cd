/** Whether the app is served over https (BETTER_AUTH_URL): then cookies are Secure and HSTS is sent. */
export function servesHttps(): boolean {
  return (process.env.BETTER_AUTH_URL ?? "").toLowerCase().startsWith("https://");
}

/** Two years, subdomains included: browsers then never try plain http on this host. */
export const HSTS = "max-age=63072000; includeSubDomains";
