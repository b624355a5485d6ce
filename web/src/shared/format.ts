/** Display helpers: dates in the viewer's zone, money, business minutes. */

export function dateTime(iso: string | number | null | undefined, timeZone?: string): string {
  if (iso === null || iso === undefined) return '—';
  const d = new Date(iso);
  return d.toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  });
}

export function money(amount: number | null | undefined, currency = 'GBP'): string {
  if (amount === null || amount === undefined) return '—';
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
}

/** "2 h 05 min" from minutes; negative means overdue. */
export function minutes(total: number): string {
  const m = Math.round(Math.abs(total));
  const h = Math.floor(m / 60);
  const s = h > 0 ? `${h} h ${String(m % 60).padStart(2, '0')} min` : `${m} min`;
  return total < 0 ? `${s} over` : s;
}
