import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { cn } from "@/lib/cn";

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 aria-[invalid=true]:border-red-600";

export interface FieldFrameProps {
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
  /** A fixed id for the control, e.g. for an error summary's links; otherwise one is made. */
  id?: string;
}

/** What a control inside a FieldFrame spreads onto itself. */
export interface ControlProps {
  id: string;
  className: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** A label, hint and errors around one control, wired together with ids and aria attributes. */
export function FieldFrame({ label, hint, errors, className, id: fixedId, children }: FieldFrameProps & { children: (control: ControlProps) => ReactNode }) {
  const autoId = useId();
  const id = fixedId ?? autoId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = errors?.length ? `${id}-err` : undefined;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({
        id,
        className: inputClass,
        "aria-invalid": errors?.length ? true : undefined,
        "aria-describedby": [hintId, errId].filter(Boolean).join(" ") || undefined,
      })}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={errId} className="text-xs text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its hint and errors wired to aria-describedby. */
export function Field({ label, hint, errors, className, id, ...props }: InputHTMLAttributes<HTMLInputElement> & FieldFrameProps) {
  return (
    <FieldFrame label={label} hint={hint} errors={errors} className={className} id={id}>
      {(control) => <input {...control} {...props} />}
    </FieldFrame>
  );
}
