import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonProps } from "@/components/ui/button";

/** The form-level message of the kit's last refusal, above the fields. */
export function FormError({ error }: { error: string | null | undefined }) {
  return error ? <Alert tone="error">{error}</Alert> : null;
}

/** A form's submit button: pressed once while the command runs, with `busy`'s words meanwhile. */
export function SubmitButton({ pending, busy, children, ...props }: Omit<ButtonProps, "type"> & { pending: boolean; busy?: ReactNode }) {
  return (
    <Button type="submit" disabled={pending} {...props}>
      {pending && busy !== undefined ? busy : children}
    </Button>
  );
}
