import fc from "fast-check";

// What the fuzzers send: malformed, wrong-typed, unicode-edge and injection-shaped values.
export const INJECTION = [
  "' OR 1=1 --",
  "1; DROP TABLE meeting; --",
  '"); DELETE FROM partner; --',
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  '=HYPERLINK("http://evil.example","click")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "../../../../etc/passwd",
  "..%2f..%2f..%2fetc%2fpasswd",
  "C:\\Windows\\system32\\config",
  "\u0000",
  "\uD800",
  "\u202Eevil\u202C",
  "\u200B\u200D\uFEFF",
  "🤝".repeat(500),
  "重庆".repeat(3000),
  "%s%s%s%n",
  "${jndi:ldap://x}",
  "__proto__",
  "constructor",
  "-1",
  "0",
  "1e309",
  "NaN",
  "9".repeat(400),
];

export const edgeString = fc.oneof(fc.constantFrom(...INJECTION), fc.string({ unit: "binary", maxLength: 200 }), fc.string({ maxLength: 20 }));
export const edgeValue = fc.oneof(
  edgeString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(edgeString, { maxLength: 3 }),
  fc.dictionary(edgeString, edgeString, { maxKeys: 3 }),
);
export const FIELDS = ["title", "partnerId", "date", "time", "timeZone", "status", "kind", "version", "participants", "gifts", "actions", "slug", "nameEn", "nameKo", "country", "email", "name", "role", "id", "afterId", "beforeId", "body", "notes", "__proto__"];

/** Numbers and strings that never name an existing record (ids 1–99999 may). */
export const notARecordId = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1.5, "1e309", 2 ** 53, "999999", "abc", "1 or 1=1")).filter(
  (v) => !/^0*[1-9]\d{0,4}$/.test(String(v).trim()),
);
