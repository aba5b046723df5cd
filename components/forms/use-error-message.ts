"use client";
import { useTranslations } from "next-intl";
import type { CommandError } from "@/lib/types/command";

/** The form-level message for a failed save of a record (partner, person, milestone), in the user's language. */
export function useErrorMessage() {
  const t = useTranslations("partners.errors");
  return (e: CommandError): string => {
    if (e.code === "conflict") {
      const who = e.details?.changedBy;
      return typeof who === "string" ? t("conflictBy", { who }) : t("conflict");
    }
    if (e.code === "referenced") return t("referenced");
    if (e.code === "validation_failed") return t("fixFields");
    if (e.code === "forbidden" || e.code === "unauthorized") return t("forbidden");
    if (e.code === "not_found") return t("notFound");
    return t("failed");
  };
}
