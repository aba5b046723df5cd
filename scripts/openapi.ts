import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openApiDocument } from "@/server/api/openapi";

// Writes the OpenAPI document the server serves at /api/v1/openapi.json to a file, for linters.
const out = process.argv[2] ?? "test-results/openapi.json";
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(`Wrote ${out}`);
