import type { Role } from "@/lib/domain";

// The permission table: one place says who may do what. Checked on the server by every
// page, server action, route handler and export (server/auth/guard.ts, server/http.ts).
export type Permission = "read" | "write" | "export" | "admin";

const TABLE: Record<Role, readonly Permission[]> = {
  admin: ["read", "write", "export", "admin"],
  editor: ["read", "write", "export"],
  viewer: ["read", "export"],
};

export function can(role: string | null | undefined, permission: Permission): boolean {
  return role === "admin" || role === "editor" || role === "viewer" ? TABLE[role].includes(permission) : false;
}
