/**
 * `/request`: file a question, complaint, refund/return request or compliment. The order is found by
 * its number and the email address it was placed with (both or neither); field problems from the
 * server are shown beside their fields. A retry after a lost answer reuses its Idempotency-Key.
 */
import { type FormEvent, useRef, useState } from 'react';
import { ApiError, post } from '../../shared/api.ts';
import { Acknowledgement } from './Acknowledgement.tsx';
import { portalOrg, useLoad, useTitle } from './data.ts';
import { ErrorNote, LoadingNote } from './PortalLayout.tsx';
import type { CaseKind, FiledAnswer, OrderAnswer, PublicOrg } from './types.ts';
import { KIND_LABELS } from './words.ts';

const KINDS: readonly CaseKind[] = ['question', 'complaint', 'refund request', 'compliment'];
const HINTS: Readonly<Record<CaseKind, string>> = {
  question: 'Anything about our products, your order or delivery.',
  complaint: 'Something went wrong and you want it put right.',
  'refund request': 'Send something back or ask for your money back (we need the order).',
  compliment: 'Someone or something made your day.',
};

type Field = 'kind' | 'order_number' | 'email' | 'subject' | 'message';

interface Draft {
  kind: CaseKind;
  order_number: string;
  email: string;
  subject: string;
  message: string;
}

function fieldOf(path: string): Field | null {
  const f = path.replace(/^body\./, '');
  return f === 'kind' || f === 'order_number' || f === 'email' || f === 'subject' || f === 'message'
    ? f
    : null;
}

function newKey(): string {
  return crypto.randomUUID();
}

export function RequestPage() {
  const org = useLoad('org', portalOrg);
  useTitle(org.data ? `Make a request — ${org.data.name}` : 'Make a request');
  if (org.error) return <ErrorNote message={org.error} />;
  if (!org.data) return <LoadingNote />;
  return <RequestForm org={org.data} />;
}

function RequestForm({ org }: { org: PublicOrg }) {
  const [draft, setDraft] = useState<Draft>({
    kind: 'question',
    order_number: '',
    email: '',
    subject: '',
    message: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string | undefined>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [filed, setFiled] = useState<FiledAnswer | null>(null);
  const [order, setOrder] = useState<{ text: string; ok: boolean } | null>(null);
  // The key of an attempt whose answer never arrived, with the body it was for.
  const pending = useRef<{ key: string; body: string } | null>(null);
  const base = `/api/public/${encodeURIComponent(org.slug)}`;

  const set = (f: keyof Draft) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [f]: value }));
    setErrors((x) => ({ ...x, [f]: undefined }));
    if (f === 'order_number' || f === 'email') setOrder(null);
  };

  function body() {
    const withOrder = draft.order_number.trim() !== '' || draft.email.trim() !== '';
    return {
      kind: draft.kind,
      subject: draft.subject.trim(),
      message: draft.message.trim(),
      ...(withOrder ? { order_number: draft.order_number.trim(), email: draft.email.trim() } : {}),
    };
  }

  function show(err: unknown) {
    if (err instanceof ApiError) {
      const next: Partial<Record<Field, string | undefined>> = {};
      for (const p of err.problems) {
        const f = fieldOf(p.path);
        if (f) next[f] = p.message;
      }
      setErrors(next);
      setFormError(Object.keys(next).length > 0 ? 'Please check the highlighted fields.' : err.message);
    } else setFormError('We could not reach the server. Your request was not lost: please send it again.');
  }

  async function lookUp() {
    setOrder(null);
    setErrors((x) => ({ ...x, order_number: undefined, email: undefined }));
    if (!draft.order_number.trim() || !draft.email.trim()) {
      setOrder({ ok: false, text: 'Enter both the order number and the email address you ordered with.' });
      return;
    }
    try {
      const r = await post<OrderAnswer>(`${base}/orders/lookup`, {
        order_number: draft.order_number.trim(),
        email: draft.email.trim(),
      });
      const items = r.order.items
        .map((i) => (i.quantity > 1 ? `${i.quantity} × ${i.name}` : i.name))
        .join(', ');
      const placed = new Date(r.order.placed_at).toLocaleDateString('en-GB', { dateStyle: 'medium' });
      setOrder({ ok: true, text: `Found order ${r.order.number}, placed ${placed}: ${items}.` });
    } catch (err) {
      setOrder({
        ok: false,
        text: err instanceof ApiError ? err.message : 'We could not reach the server. Please try again.',
      });
    }
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setFormError(null);
    setErrors({});
    const b = body();
    const text = JSON.stringify(b);
    const key = pending.current?.body === text ? pending.current.key : newKey();
    pending.current = { key, body: text };
    try {
      const r = await post<FiledAnswer>(`${base}/cases`, b, { 'idempotency-key': key });
      pending.current = null;
      setFiled(r);
    } catch (err) {
      // An answer (even a refusal) means the server saw it: a new attempt gets a new key.
      if (err instanceof ApiError) pending.current = null;
      show(err);
    } finally {
      setBusy(false);
    }
  }

  if (filed) return <Acknowledgement filed={filed} org={org} />;

  const describe = (f: Field, hint?: string) => {
    const ids = [hint, errors[f] ? `${f}-error` : undefined].filter(Boolean).join(' ');
    return ids ? { 'aria-describedby': ids } : {};
  };
  const invalid = (f: Field) => (errors[f] ? { 'aria-invalid': true as const } : {});
  const problem = (f: Field) =>
    errors[f] ? (
      <span id={`${f}-error`} className="error portal-field-error">
        {errors[f]}
      </span>
    ) : null;
  const needsOrder = draft.kind === 'refund request';

  return (
    <>
      <h1>Make a request</h1>
      <p>
        Tell us what you need and we will get back to you. Fields marked <span aria-hidden="true">*</span>
        <span className="visually-hidden">with an asterisk</span> are required.
      </p>
      <form className="portal-form panel" onSubmit={submit} noValidate aria-describedby="form-error">
        <fieldset {...describe('kind')}>
          <legend>What is it about? *</legend>
          {KINDS.map((k) => (
            <label key={k} className="portal-choice">
              <input
                type="radio"
                name="kind"
                value={k}
                checked={draft.kind === k}
                onChange={() => setDraft((d) => ({ ...d, kind: k }))}
              />
              <span>
                {KIND_LABELS[k]}
                <span className="muted portal-choice-hint"> — {HINTS[k]}</span>
              </span>
            </label>
          ))}
          {problem('kind')}
        </fieldset>

        <fieldset>
          <legend>Your order {needsOrder ? '*' : '(optional)'}</legend>
          <p id="order-hint" className="muted">
            {needsOrder
              ? 'We need the order number and the email address you ordered with.'
              : 'If it is about an order, give its number and the email address you ordered with.'}{' '}
            Order numbers look like LH-100010.
          </p>
          <div className="portal-row">
            <div className="portal-field">
              <label htmlFor="order_number">Order number</label>
              <input
                id="order_number"
                name="order_number"
                value={draft.order_number}
                onChange={set('order_number')}
                autoComplete="off"
                maxLength={40}
                required={needsOrder}
                {...describe('order_number', 'order-hint')}
                {...invalid('order_number')}
              />
              {problem('order_number')}
            </div>
            <div className="portal-field">
              <label htmlFor="email">Email address</label>
              <input
                id="email"
                name="email"
                type="email"
                value={draft.email}
                onChange={set('email')}
                autoComplete="email"
                maxLength={254}
                required={needsOrder}
                {...describe('email', 'order-hint')}
                {...invalid('email')}
              />
              {problem('email')}
            </div>
          </div>
          <p>
            <button type="button" className="secondary" onClick={() => void lookUp()}>
              Find my order
            </button>
          </p>
          <p role="status" className={order ? (order.ok ? 'portal-found' : 'error') : undefined}>
            {order?.text ?? ''}
          </p>
        </fieldset>

        <div className="portal-field">
          <label htmlFor="subject">Subject *</label>
          <input
            id="subject"
            name="subject"
            value={draft.subject}
            onChange={set('subject')}
            maxLength={200}
            required
            {...describe('subject')}
            {...invalid('subject')}
          />
          {problem('subject')}
        </div>
        <div className="portal-field">
          <label htmlFor="message">Your message *</label>
          <textarea
            id="message"
            name="message"
            value={draft.message}
            onChange={set('message')}
            maxLength={5000}
            rows={7}
            required
            {...describe('message')}
            {...invalid('message')}
          />
          {problem('message')}
        </div>
        <div id="form-error" aria-live="assertive">
          {formError && <p className="error">{formError}</p>}
        </div>
        <p>
          <button type="submit" disabled={busy}>
            {busy ? 'Sending…' : 'Send request'}
          </button>
        </p>
      </form>
    </>
  );
}
