import { archiveHandler } from "@/server/api/handlers";

export const POST = archiveHandler("meetings", false);
