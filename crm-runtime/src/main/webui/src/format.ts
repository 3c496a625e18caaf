/** Sums per currency, e.g. "RON 12,500.00 · EUR 800.00". */
export function formatTotals(items: { amount: number | null; currency: string | null }[], locale: string): string {
  const totals = new Map<string, number>();
  for (const item of items) {
    if (item.amount == null) continue;
    const currency = item.currency ?? 'RON';
    totals.set(currency, (totals.get(currency) ?? 0) + Number(item.amount));
  }
  if (totals.size === 0) return '0';
  return [...totals]
    .map(([currency, sum]) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(sum))
    .join(' · ');
}
