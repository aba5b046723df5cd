import js from "@eslint/js";
import nextVitals from "eslint-config-next/core-web-vitals";
import drizzle from "eslint-plugin-drizzle";
import tseslint from "typescript-eslint";

// The house's layers (README, "Code layout"): app → components → server → db → lib. A module may
// import its own layer and the ones to its right, never one to its left.
const LAYER = "imports against the layer direction (app → components → server → db → lib; README, Code layout)";
const layers = [
  { target: "./lib", from: ["./db", "./server", "./app", "./components"], message: `lib/ is pure code: ${LAYER}.` },
  { target: "./db", from: ["./server", "./app", "./components"], message: `db/ uses only lib/: ${LAYER}.` },
  { target: "./server", from: ["./app", "./components"], message: `server/ uses only db/ and lib/: ${LAYER}.` },
  // Components may call the server actions (the write door), and nothing else of app/.
  {
    target: "./components",
    from: "./app",
    except: ["./commands.ts", "./(app)/board/commands.ts", "./(app)/notifications/commands.ts"],
    message: `components/ may import app/'s server actions only: ${LAYER}.`,
  },
];

// A "use client" module goes to the browser: it may not pull in database or server code, nor
// lean on their types (the shapes it reads are lib/types/).
const clientBoundary = {
  meta: { type: "problem", schema: [] },
  create(context) {
    const isClient = context.sourceCode.ast.body.some((n) => n.type === "ExpressionStatement" && n.directive === "use client");
    if (!isClient) return {};
    const check = (node) => {
      const src = node.source?.value;
      if (typeof src !== "string" || !/^@\/(db|server)(\/|$)/.test(src)) return;
      context.report({ node, message: `A "use client" module may not import ${src}: it would ship server code to the browser (its shapes live in lib/types/).` });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "drizzle/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "vitest.config.mts", "playwright.config.ts", "bench/out/**", ".probe/**"] },
  js.configs.recommended,
  ...nextVitals,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { drizzle, house: { rules: { "client-boundary": clientBoundary } } },
    settings: { "import/resolver": { typescript: { project: "./tsconfig.json" } } },
    rules: {
      "import/no-restricted-paths": ["error", { zones: layers }],
      "house/client-boundary": "error",
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
