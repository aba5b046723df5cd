import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { openApiDocument } from "@/server/api/openapi";
import { requireUser } from "@/server/auth/guard";
import { answerSchema, describeSchema, operationSummary, type Operation, type Schema } from "./_components/describe";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("api");
  return { title: t("title") };
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
type PathItem = Partial<Record<(typeof METHODS)[number], Operation>>;

const link = "font-medium text-brand-700 underline";

export default async function ApiDocsPage() {
  await requireUser();
  const t = await getTranslations("api");
  const doc = openApiDocument() as {
    tags: { name: string }[];
    paths: Record<string, PathItem>;
    components: { schemas: Record<string, Schema> };
  };
  const schemas = Object.entries(doc.components.schemas).filter(([, s]) => s.properties);
  const known = new Set(schemas.map(([n]) => n));
  const groups = doc.tags.map((tag) => ({
    tag: tag.name,
    paths: Object.entries(doc.paths).filter(([, item]) => METHODS.some((m) => item[m]?.tags?.[0] === tag.name)),
  }));
  const schemaLink = (name: string | null) =>
    name && known.has(name) ? (
      <a className={link} href={`#schema-${name}`}>
        {name}
      </a>
    ) : null;
  return (
    <div className="space-y-6 [overflow-wrap:anywhere]">
      <PageHeader title={t("title")} lead={t("lead")} />
      <nav aria-labelledby="api-contents" className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
        <h2 id="api-contents" className="font-semibold text-slate-900">
          {t("contents")}
        </h2>
        <ol className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
          <li>
            <a className={link} href="#basics">
              {t("basics")}
            </a>
          </li>
          {groups.map((g) => (
            <li key={g.tag}>
              <a className={link} href={`#tag-${g.tag}`}>
                {t(`tags.${g.tag}`)}
              </a>
            </li>
          ))}
          <li>
            <a className={link} href="#schemas">
              {t("schemas")}
            </a>
          </li>
        </ol>
      </nav>
      <Card title={t("basics")} id="basics">
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
          <li>{t("auth")}</li>
          <li>{t("errors")}</li>
          <li>{t("paging")}</li>
          <li>{t("versions")}</li>
          <li>{t("roundTrip")}</li>
          <li>
            {t("document")}{" "}
            <a className={link} href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>
          </li>
        </ul>
      </Card>
      {groups.map((g) => (
        <section key={g.tag} id={`tag-${g.tag}`} aria-labelledby={`tag-h-${g.tag}`} className="space-y-3">
          <h2 id={`tag-h-${g.tag}`} className="text-xl font-semibold text-slate-900">
            {t(`tags.${g.tag}`)}
          </h2>
          {g.paths.map(([path, item]) => (
            <section key={path} aria-labelledby={`path-${path}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h3 id={`path-${path}`} className="break-all font-mono text-base font-semibold text-slate-900">
                {path}
              </h3>
              <div className="mt-2 space-y-3">
                {METHODS.filter((m) => item[m]).map((m) => {
                  const op = item[m]!;
                  const body = op.requestBody?.content["application/json"]?.schema;
                  return (
                    <div key={m} className="border-t border-slate-100 pt-3">
                      <h4 className="text-sm font-semibold text-slate-900">
                        <span className="mr-2 rounded bg-brand-50 px-2 py-0.5 font-mono text-xs uppercase text-brand-900">{m}</span>
                        {operationSummary(op, t)}
                      </h4>
                      {op.parameters?.length ? (
                        <p className="mt-2 text-xs text-slate-700">
                          <span className="font-medium">{t("parameters")}:</span>{" "}
                          {op.parameters.map((p, i) => (
                            <span key={p.name}>
                              {i ? ", " : ""}
                              <code className="font-mono">{p.name}</code> <span className="text-slate-600">{describeSchema(p.schema, t)}</span>
                            </span>
                          ))}
                        </p>
                      ) : null}
                      {body ? (
                        <p className="mt-1 text-xs text-slate-700">
                          <span className="font-medium">{t("body")}:</span> {schemaLink(body.$ref?.split("/").pop() ?? null) ?? t("patchBody")}
                        </p>
                      ) : null}
                      <p className="mt-1 text-xs text-slate-700">
                        <span className="font-medium">{t("responses")}:</span>{" "}
                        {Object.entries(op.responses).map(([code, r], i) => (
                          <span key={code}>
                            {i ? ", " : ""}
                            {code}
                            {schemaLink(answerSchema(r)) ? <> ({schemaLink(answerSchema(r))})</> : null}
                          </span>
                        ))}
                      </p>
                    </div>
                  );
                })}
              </div>
            </section>
          ))}
        </section>
      ))}
      <h2 id="schemas" className="pt-4 text-xl font-semibold text-slate-900">
        {t("schemas")}
      </h2>
      {schemas.map(([name, s]) => (
        <section key={name} id={`schema-${name}`} aria-labelledby={`schema-h-${name}`} className="space-y-2">
          <h3 id={`schema-h-${name}`} className="font-mono text-base font-semibold text-slate-900">
            {name}
          </h3>
          <Table caption={name} head={[t("field"), t("type"), t("required")]}>
            <tbody>
              {Object.entries(s.properties!).map(([field, fs]) => (
                <tr key={field}>
                  <Td className="font-mono text-xs">{field}</Td>
                  <Td className="break-all text-xs">{describeSchema(fs, t)}</Td>
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
