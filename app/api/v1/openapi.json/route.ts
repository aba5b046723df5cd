import { openApiDocument } from "@/lib/api/openapi";
import { apiRoute } from "@/lib/http";

export const GET = apiRoute("read", async () => openApiDocument());
