import { itemHandlers } from "@/lib/api/handlers";

export const { GET, PUT, PATCH, DELETE } = itemHandlers("visits");
