// One keyboard step of a lifted card, on the board's own model (columns as lists) rather than on
// measured rectangles: a press always moves the card, whatever its position or the layout.

export type KeyboardStepKey = "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown";

export interface KeyboardStep<T> {
  containers: Record<string, T[]>;
  /** The column the card is now in, and its place there. */
  to: string;
  index: number;
}

/**
 * Left and right move the card to the neighbouring column of `order` (its lane's columns, left to
 * right) at the same height, or the end of a shorter column; up and down move it one place within
 * its column. Null when there is nowhere to go (the first column and ArrowLeft, the top and ArrowUp).
 */
export function keyboardStep<T extends { id: number }>(
  containers: Record<string, T[]>,
  order: readonly string[],
  id: number,
  key: KeyboardStepKey,
  place: (card: T, to: string) => T = (c) => c,
): KeyboardStep<T> | null {
  const from = order.find((c) => containers[c]?.some((x) => x.id === id));
  if (!from) return null;
  const list = containers[from]!;
  const index = list.findIndex((x) => x.id === id);
  const card = list[index]!;
  if (key === "ArrowUp" || key === "ArrowDown") {
    const to = index + (key === "ArrowUp" ? -1 : 1);
    if (to < 0 || to >= list.length) return null;
    const next = list.filter((x) => x.id !== id);
    next.splice(to, 0, card);
    return { containers: { ...containers, [from]: next }, to: from, index: to };
  }
  const col = order.indexOf(from) + (key === "ArrowLeft" ? -1 : 1);
  const to = order[col];
  if (!to) return null;
  const target = containers[to] ?? [];
  const at = Math.min(index, target.length);
  return {
    containers: { ...containers, [from]: list.filter((x) => x.id !== id), [to]: [...target.slice(0, at), place(card, to), ...target.slice(at)] },
    to,
    index: at,
  };
}
