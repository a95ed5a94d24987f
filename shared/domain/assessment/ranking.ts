/** One organization's place in a circular (A16): equal scores share a rank, the next rank skips (1, 1, 3). */
export interface Ranked<T> {
  rank: number;
  item: T;
}

/** Ranks by score, highest first; equal scores share a rank and are listed by name (A16). */
export function rankByScore<T extends { score: number; name: string }>(items: readonly T[]): Ranked<T>[] {
  const sorted = [...items].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-Hans-CN'));
  const ranked: Ranked<T>[] = [];
  sorted.forEach((item, index) => {
    const previous = ranked[index - 1];
    ranked.push({ rank: previous && previous.item.score === item.score ? previous.rank : index + 1, item });
  });
  return ranked;
}
