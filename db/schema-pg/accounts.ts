import { boolean, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { ROLES } from "@/lib/domain";
import { ms, oneOf, timestamps } from "./columns";

export const user = pgTable(
  "user",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    email: text("email").notNull().unique(),
    emailVerified: boolean("email_verified").notNull().default(false),
    image: text("image"),
    role: text("role").notNull().default("viewer"),
    banned: boolean("banned").default(false),
    banReason: text("ban_reason"),
    banExpires: ms("ban_expires"),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    twoFactorEnabled: boolean("two_factor_enabled").notNull().default(false),
    locale: text("locale"),
    ...timestamps,
  },
  (t) => [oneOf("user_role_check", t.role, ROLES)],
);

export const session = pgTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: ms("expires_at").notNull(),
    token: text("token").notNull().unique(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    impersonatedBy: text("impersonated_by"),
    ...timestamps,
  },
  (t) => [index("session_user_idx").on(t.userId)],
);

export const account = pgTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: ms("access_token_expires_at"),
    refreshTokenExpiresAt: ms("refresh_token_expires_at"),
    scope: text("scope"),
    password: text("password"),
    ...timestamps,
  },
  (t) => [index("account_user_idx").on(t.userId)],
);

export const verification = pgTable("verification", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: ms("expires_at").notNull(),
  ...timestamps,
});

export const twoFactor = pgTable(
  "two_factor",
  {
    id: text("id").primaryKey(),
    secret: text("secret").notNull(),
    backupCodes: text("backup_codes").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    verified: boolean("verified").notNull().default(true),
    failedVerificationCount: integer("failed_verification_count").notNull().default(0),
    lockedUntil: ms("locked_until"),
    createdAt: ms("created_at")
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [index("two_factor_user_idx").on(t.userId)],
);

export const signInAttempt = pgTable(
  "sign_in_attempt",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    key: text("key").notNull(),
    at: ms("at").notNull(),
  },
  (t) => [index("sign_in_attempt_key_idx").on(t.key, t.at)],
);

export const signInKnownAddress = pgTable(
  "sign_in_known_address",
  {
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    lastAt: ms("last_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.email, t.ip] })],
);

export const setting = pgTable("setting", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  ...timestamps,
});
