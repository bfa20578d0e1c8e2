/** A parameter value or an input, in one readable line ("title.intermediate: 100；title.senior: 140"). */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  if (Array.isArray(v)) return v.length ? v.map((x) => formatValue(x)).join('，') : '（无）';
  const out: string[] = [];
  const walk = (o: Record<string, unknown>, prefix: string) => {
    for (const [k, x] of Object.entries(o)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (x && typeof x === 'object' && !Array.isArray(x)) walk(x as Record<string, unknown>, key);
      else out.push(`${key}: ${formatValue(x)}`);
    }
  };
  walk(v as Record<string, unknown>, '');
  return out.length ? out.join('；') : '（无）';
}

/** Months from `a` to `b` (YYYY-MM-DD), by calendar month. */
export const monthsBetween = (a: string, b: string): number =>
  (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));

/** 2027-05-01 → 2027年5月1日 */
export const chineseDate = (d: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(d)
    ? `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`
    : d;
