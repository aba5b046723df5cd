"use client";
import { useState, type ReactNode } from "react";
import { FiltersToggle } from "@/components/records/filters-toggle";

/** On a phone the board's filters fold under the lists' Filters button, so the cards come first. */
export function BoardFiltersFold({ active, children }: { active: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <FiltersToggle open={open} onToggle={() => setOpen((o) => !o)} controls="board-filters" active={active} />
      <div id="board-filters" className={open ? "mt-3 sm:mt-0" : "hidden sm:block"}>
        {children}
      </div>
    </>
  );
}
