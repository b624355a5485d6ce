/** Small helpers the desk's pages share: money in minor units, SLA words, policy links, keys. */
import { minutes } from '../../shared/format.ts';
import type { Directory, SlaBadge } from './types.ts';

const digits = new Map<string, number>();

/** £12.34 from 1234 minor units, with the currency's own number of decimals. */
export function moneyMinor(minor: number | null | undefined, currency: string | null | undefined): string {
  if (minor === null || minor === undefined || !currency) return '—';
  let d = digits.get(currency);
  if (d === undefined) {
    d =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    digits.set(currency, d);
  }
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(minor / 10 ** d);
}

const METRICS: Readonly<Record<string, string>> = {
  first_reply: 'First reply',
  next_reply: 'Next reply',
  periodic_update: 'Periodic update',
  resolution: 'Resolution',
  follow_up: 'Follow-up',
};

export function metricName(metric: string | null): string {
  return metric === null ? '' : (METRICS[metric] ?? metric.replace(/_/g, ' '));
}

/** The badge's words and colour class: time left in business minutes, paused (why), or breached. */
export function slaWords(sla: SlaBadge): {
  text: string;
  tone: 'ok' | 'warn' | 'bad' | 'paused' | 'neutral';
} {
  const what = metricName(sla.metric);
  const left = sla.remaining_minutes ?? 0;
  switch (sla.state) {
    case 'breached':
      return { text: `Breached · ${what} ${minutes(left)}`, tone: 'bad' };
    case 'warning':
      return { text: `${minutes(left)} left · ${what}`, tone: 'warn' };
    case 'running':
      return { text: `${minutes(left)} left · ${what}`, tone: 'ok' };
    case 'paused':
      return {
        text: `Paused${sla.paused_why ? ` (${sla.paused_why.replace('status → ', '')})` : ''} · ${minutes(left)} left`,
        tone: 'paused',
      };
    default:
      return { text: 'No clock running', tone: 'neutral' };
  }
}

/** A slug for a heading, as the policy pages make their anchors. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Where a policy section can be read: public policies on the portal's policy page (anchored at the
 * decision), staff policies in the console.
 */
export function policyHref(policyId: string, section: string, audience: string | undefined): string {
  const id = encodeURIComponent(policyId);
  return audience === 'staff' ? `/console/policies/${id}` : `/policies/${id}#${slug(`Decision: ${section}`)}`;
}

/** A fresh Idempotency-Key for a creating request. */
export function newKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function staffName(directory: Directory | null, id: string | null): string {
  if (id === null) return 'system';
  return directory?.staff.find((u) => u.id === id)?.name ?? 'a colleague';
}

export function teamName(directory: Directory | null, id: string | null): string | null {
  if (id === null) return null;
  return directory?.teams.find((t) => t.id === id)?.name ?? null;
}

/** The string values a FEEL list of allowed values names (`"a", "b"`), or null when it is not such a list. */
export function enumValues(values: string | null): string[] | null {
  if (!values) return null;
  const out: string[] = [];
  const rest = values.replace(/"((?:[^"\\]|\\.)*)"/g, (_m, v: string) => {
    out.push(v.replace(/\\(.)/g, '$1'));
    return '';
  });
  return out.length > 0 && rest.replace(/[\s,]/g, '') === '' ? out : null;
}

/** A value as people read it. */
export function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(show).join(', ');
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${show(v)}`)
      .join('; ');
  return String(value);
}
