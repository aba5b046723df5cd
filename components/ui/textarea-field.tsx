import type { TextareaHTMLAttributes } from "react";
import { FieldFrame, type FieldFrameProps } from "./field";

export function TextareaField({ label, hint, errors, className, id, rows = 4, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldFrameProps) {
  return (
    <FieldFrame label={label} hint={hint} errors={errors} className={className} id={id}>
      {(control) => <textarea rows={rows} {...control} {...props} />}
    </FieldFrame>
  );
}
