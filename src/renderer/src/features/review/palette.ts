// One colour per checklist item, for its evidence and annotations (readable on white, distinct side by side).
export const ITEM_COLORS = ['#f6c85f', '#6fb1e7', '#8cd17d', '#f1a3c0', '#b39ddb', '#f4a261', '#4dd0c8', '#d4c35a']

export function itemColor(index: number): string {
  return ITEM_COLORS[((index % ITEM_COLORS.length) + ITEM_COLORS.length) % ITEM_COLORS.length]!
}
