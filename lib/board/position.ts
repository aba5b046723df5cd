// Gap-based integer positions within a board column. A move writes one row: the card takes the
// midpoint between its new neighbours. Only when two neighbours sit on adjacent integers is the
// column renumbered (renormalised) with fresh gaps, which is rare.

/** Gap between neighbouring cards after a renormalisation or at the ends of a column. */
export const POSITION_GAP = 1024;

/**
 * An integer position strictly between `above` and `below` (either may be absent: the top or the
 * bottom of the column), or null when there is no integer left between them.
 */
export function positionBetween(above: number | null, below: number | null): number | null {
  if (above === null && below === null) return POSITION_GAP;
  if (above === null) return below! - POSITION_GAP;
  if (below === null) return above + POSITION_GAP;
  if (below - above < 2) return null;
  return above + Math.floor((below - above) / 2);
}

/** Fresh positions for a column in the given order: GAP, 2·GAP, 3·GAP, … */
export function renormalise<T>(ordered: readonly T[]): { item: T; position: number }[] {
  return ordered.map((item, i) => ({ item, position: (i + 1) * POSITION_GAP }));
}

/**
 * Where a card goes in a column (given in order, without the moving card): directly after
 * `afterId`, else directly before `beforeId`, else at the bottom. Returns the moved card's
 * position and, only when no gap was left, the renumbered column (including the moved card).
 */
export function planMove(
  column: readonly { id: number; position: number }[],
  movingId: number,
  anchors: { afterId?: number | null; beforeId?: number | null },
): { position: number; renumbered: { id: number; position: number }[] | null } {
  const cards = column.filter((c) => c.id !== movingId);
  let index = cards.length;
  const after = anchors.afterId != null ? cards.findIndex((c) => c.id === anchors.afterId) : -1;
  const before = anchors.beforeId != null ? cards.findIndex((c) => c.id === anchors.beforeId) : -1;
  if (after >= 0) index = after + 1;
  else if (before >= 0) index = before;
  const above = index > 0 ? cards[index - 1]!.position : null;
  const below = index < cards.length ? cards[index]!.position : null;
  const p = positionBetween(above, below);
  if (p !== null) return { position: p, renumbered: null };
  const order = [...cards.slice(0, index).map((c) => c.id), movingId, ...cards.slice(index).map((c) => c.id)];
  const renumbered = renormalise(order).map(({ item, position }) => ({ id: item, position }));
  return { position: renumbered[index]!.position, renumbered };
}
