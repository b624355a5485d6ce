/**
 * The one way the web app talks to the API: JSON over fetch with the session cookie, the CSRF
 * header on unsafe requests, and RFC 9457 problems turned into ApiError.
 */

const CSRF_KEY = 'charter.csrf';

/** A field problem as the API reports it (path into the request body). */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: readonly FieldProblem[] = [],
  ) {
    super(message);
  }
}

export function setCsrf(token: string | null): void {
  if (token) sessionStorage.setItem(CSRF_KEY, token);
  else sessionStorage.removeItem(CSRF_KEY);
}

function problemsOf(body: Record<string, unknown>): FieldProblem[] {
  const raw = body.errors;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((e: unknown) => {
    if (typeof e !== 'object' || e === null) return [];
    const r = e as Record<string, unknown>;
    const path = typeof r.path === 'string' ? r.path : Array.isArray(r.path) ? r.path.join('.') : '';
    return [{ path, message: typeof r.message === 'string' ? r.message : String(r.detail ?? '') }];
  });
}

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const h: Record<string, string> = { accept: 'application/json', ...headers };
  if (body !== undefined) h['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = sessionStorage.getItem(CSRF_KEY);
    if (csrf) h['x-csrf-token'] = csrf;
  }
  const res = await fetch(path, {
    method,
    headers: h,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const p = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    throw new ApiError(
      res.status,
      typeof p.code === 'string' ? p.code : 'error',
      typeof p.detail === 'string' ? p.detail : typeof p.title === 'string' ? p.title : res.statusText,
      problemsOf(p),
    );
  }
  return data as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body: unknown, headers?: Record<string, string>) =>
  api<T>('POST', path, body, headers);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);

/** Query string from defined values only. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}
