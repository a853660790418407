/** Sorting and filtering the table's rows. Pure. */

export interface SortKey {
  key: string;
  descending: boolean;
}

type Row = { id: string } & Record<string, string | number>;

/** Rows in order of one column (numbers as numbers, text by locale), ties by id so the order is stable. */
export function sortRows<T extends Row>(rows: readonly T[], { key, descending }: SortKey): T[] {
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''), 'en-GB', { sensitivity: 'base' });
    return sign * c || a.id.localeCompare(b.id);
  });
}

/** Rows any of whose cells contains every word of the filter, case and diacritics folded. */
export function filterRows<T extends Row>(rows: readonly T[], text: string): T[] {
  const words = fold(text).split(/\s+/).filter(Boolean);
  if (!words.length) return [...rows];
  return rows.filter((r) => {
    const hay = fold(Object.values(r).join(' '));
    return words.every((w) => hay.includes(w));
  });
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}
