"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useCommand } from "@/components/forms/use-command";
import { revokeToken } from "../commands";

export function RevokeButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations("admin");
  const [error, setError] = useState<string | null>(null);
  // The command's refusal is shown as it comes: the query words it for the screen already.
  const revoke = useCommand(revokeToken, { onSuccess: () => setError(null), onFailure: (e) => setError(e.message) });
  return (
    <div>
      <Button type="button" variant="danger" size="sm" disabled={revoke.pending} aria-label={t("revokeToken", { name })} onClick={() => revoke.trigger(id)}>
        {t("revoke")}
      </Button>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
