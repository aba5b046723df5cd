import js from "@eslint/js";
import nextVitals from "eslint-config-next/core-web-vitals";
import drizzle from "eslint-plugin-drizzle";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "drizzle/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "vitest.config.mts", "playwright.config.ts", "bench/out/**", ".probe/**"] },
  js.configs.recommended,
  ...nextVitals,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { drizzle },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      // Query functions are async by contract (a second, async SQL dialect must be a contained
      // change), even where better-sqlite3 answers synchronously today.
      "@typescript-eslint/require-await": "off",
      // drizzle's builders are thenables, not Promises: an unawaited insert is a statement that never runs.
      "@typescript-eslint/no-floating-promises": ["error", { checkThenables: true }],
      // drizzle's synchronous better-sqlite3 calls (`.get()`, `.all()`, `.run()`) exist on one
      // engine only, and run outside the transaction gate of db/tx.ts: await the query instead.
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[arguments.length=0] > MemberExpression.callee[property.name=/^(get|all|run)$/]:not([object.callee.property.name='prepare']):not([object.callee.property.name='raw'])",
          message: "Await the drizzle query (db/tx.ts: one(), rawAll(), rawGet(), rawRun()) instead of a synchronous better-sqlite3 call.",
        },
      ],
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    },
  },
  // Playwright's locator.all() is no database call.
  { files: ["e2e/**"], rules: { "no-restricted-syntax": "off" } },
  {
    files: ["**/*.mjs", "**/*.js", "**/*.mts"],
    ...tseslint.configs.disableTypeChecked,
  },
);
