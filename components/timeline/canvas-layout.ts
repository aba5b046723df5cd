// The canvas's measures that the chart around it lays out with too. Apart from the canvas, so the
// chart can size its box before the canvas (and Recharts with it) has loaded.

/** The time axis's height (px). */
export const AXIS_HEIGHT = 36;
/** Room above the first lane for the label over its marks (clipped by the plot otherwise). */
export const HEADROOM = 18;
/** The plot's right margin (px): less on a phone. */
export const rightMargin = (narrow: boolean) => (narrow ? 12 : 24);
