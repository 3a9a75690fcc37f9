/**
 * Colours readers with colour-vision deficiency can tell apart.
 * Groups: the Okabe-Ito palette, ordered so the first three (the usual three cadre levels) have strong
 * contrast with white and with each other; yellow comes late because it is faint on paper.
 */
export const GROUP_COLOURS: ReadonlyArray<string> = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#000000",
  "#F0E442"
]

/** Negative categories: oranges of ColorBrewer PuOr (colour-blind safe), darkest = most negative. */
const NEGATIVE: Record<number, ReadonlyArray<string>> = {
  1: ["#e08214"],
  2: ["#b35806", "#fdb863"],
  3: ["#b35806", "#e08214", "#fdb863"],
  4: ["#b35806", "#e08214", "#fdb863", "#fee0b6"]
}

/** Positive categories: purples of ColorBrewer PuOr, darkest = most positive. */
const POSITIVE: Record<number, ReadonlyArray<string>> = {
  1: ["#8073ac"],
  2: ["#b2abd2", "#542788"],
  3: ["#b2abd2", "#8073ac", "#542788"],
  4: ["#d8daeb", "#b2abd2", "#8073ac", "#542788"]
}

/** A mid grey for the neutral category: neither hue, still visible on white. */
const NEUTRAL = "#bababa"

/** The most categories on one side of a diverging scale that still get distinct colours. */
export const MAX_CATEGORIES_PER_SIDE = 4

/**
 * Colours of a diverging scale in scale order: negatives (dark to light), the neutral grey, positives
 * (light to dark). Counts must not exceed {@link MAX_CATEGORIES_PER_SIDE}.
 *
 * @example
 * divergingColours(1, true, 1) // ["#e08214", "#bababa", "#8073ac"]
 */
export const divergingColours = (negatives: number, neutral: boolean, positives: number): Array<string> => [
  ...(NEGATIVE[negatives] ?? []),
  ...(neutral ? [NEUTRAL] : []),
  ...(POSITIVE[positives] ?? [])
]
