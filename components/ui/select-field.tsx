import type { SelectHTMLAttributes } from "react";
import { FieldFrame, type FieldFrameProps } from "./field";

/** A labelled native select (keyboard and screen-reader friendly everywhere, also on phones). */
export function SelectField({
  label,
  hint,
  errors,
  options,
  placeholder,
  className,
  id,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> &
  FieldFrameProps & {
    options: { value: string; label: string }[];
    /** An empty first option, e.g. "Any partner" in a filter or "—" for an optional field. */
    placeholder?: string;
  }) {
  return (
    <FieldFrame label={label} hint={hint} errors={errors} className={className} id={id}>
      {(control) => (
        <select {...control} {...props}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
