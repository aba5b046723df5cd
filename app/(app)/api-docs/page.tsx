import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { openApiDocument } from "@/lib/api/openapi";
import { requireUser } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "API reference" };

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  default?: unknown;
  $ref?: string;
  format?: string;
};
type Operation = { summary: string; operationId: string; parameters?: { name: string; in: string; required?: boolean; description?: string; schema: Schema }[]; requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, unknown> };

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** A schema in one line: type, allowed values and limits. */
function describe(s: Schema | undefined): string {
  if (!s) return "";
  if (s.$ref) return s.$ref.split("/").pop()!;
  if (s.enum) return s.enum.map(String).join(" | ");
  const type = s.type === "array" ? `${describe(s.items)}[]` : Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  const limits = [
    s.format,
    s.minLength !== undefined ? `≥ ${s.minLength} chars` : null,
    s.maxLength !== undefined ? `≤ ${s.maxLength} chars` : null,
    s.minimum !== undefined ? `≥ ${s.minimum}` : null,
    s.maximum !== undefined && s.maximum < 1e15 ? `≤ ${s.maximum}` : null,
    s.pattern ? `/${s.pattern}/` : null,
    s.default !== undefined ? `default ${JSON.stringify(s.default)}` : null,
  ].filter(Boolean);
  return limits.length ? `${type} (${limits.join(", ")})` : type;
}

export default async function ApiDocsPage() {
  await requireUser();
  const t = await getTranslations("api");
  const doc = openApiDocument() as {
    info: { title: string; description: string };
    paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
    components: { schemas: Record<string, Schema> };
  };
  const schemas = Object.entries(doc.components.schemas).filter(([, s]) => s.properties);
  return (
    <div className="space-y-6 [overflow-wrap:anywhere]">
      <PageHeader title={t("title")} lead={t("lead")} />
      <Card title={t("basics")} id="basics">
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
          <li>{t("auth")}</li>
          <li>{t("errors")}</li>
          <li>{t("paging")}</li>
          <li>{t("versions")}</li>
          <li>
            {t("document")}{" "}
            <a className="font-medium text-brand-700 underline" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>
          </li>
        </ul>
      </Card>
      <nav aria-label={t("contents")} className="text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {schemas.map(([name]) => (
            <li key={name}>
              <a className="text-brand-700 underline" href={`#schema-${name}`}>
                {name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {Object.entries(doc.paths).map(([path, item]) => (
        <section key={path} aria-labelledby={`path-${path}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id={`path-${path}`} className="break-all font-mono text-base font-semibold text-slate-900">
            {path}
          </h2>
          <div className="mt-3 space-y-4">
            {METHODS.filter((m) => item[m]).map((m) => {
              const op = item[m]!;
              const body = op.requestBody?.content["application/json"]?.schema;
              return (
                <div key={m} className="border-t border-slate-100 pt-3">
                  <h3 className="text-sm font-semibold text-slate-900">
                    <span className="mr-2 rounded bg-brand-50 px-2 py-0.5 font-mono text-xs uppercase text-brand-900">{m}</span>
                    {op.summary}
                  </h3>
                  {op.parameters?.length ? (
                    <p className="mt-2 text-xs text-slate-700">
                      <span className="font-medium">{t("parameters")}:</span>{" "}
                      {op.parameters.map((p, i) => (
                        <span key={p.name}>
                          {i ? ", " : ""}
                          <code className="font-mono">{p.name}</code> <span className="text-slate-600">{describe(p.schema)}</span>
                        </span>
                      ))}
                    </p>
                  ) : null}
                  {body ? (
                    <p className="mt-1 text-xs text-slate-700">
                      <span className="font-medium">{t("body")}:</span>{" "}
                      {body.$ref ? (
                        <a className="text-brand-700 underline" href={`#schema-${describe(body)}`}>
                          {describe(body)}
                        </a>
                      ) : (
                        t("patchBody")
                      )}
                    </p>
                  ) : null}
                  <p className="mt-1 text-xs text-slate-700">
                    <span className="font-medium">{t("responses")}:</span> {Object.keys(op.responses).join(", ")}
                  </p>
                </div>
              );
            })}
          </div>
        </section>
      ))}
      <h2 className="pt-4 text-xl font-semibold text-slate-900">{t("schemas")}</h2>
      {schemas.map(([name, s]) => (
        <section key={name} id={`schema-${name}`} aria-labelledby={`schema-h-${name}`} className="space-y-2">
          <h3 id={`schema-h-${name}`} className="font-mono text-base font-semibold text-slate-900">
            {name}
          </h3>
          <Table caption={name}>
            <thead>
              <tr>
                <Th>{t("field")}</Th>
                <Th>{t("type")}</Th>
                <Th>{t("required")}</Th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(s.properties!).map(([field, fs]) => (
                <tr key={field}>
                  <Td className="font-mono text-xs">{field}</Td>
                  <Td className="break-all text-xs">{describe(fs)}</Td>
                  <Td className="text-xs">{s.required?.includes(field) ? t("yes") : ""}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      ))}
    </div>
  );
}
