import { archiveHandler } from "@/lib/api/handlers";

export const POST = archiveHandler("visits", true);
