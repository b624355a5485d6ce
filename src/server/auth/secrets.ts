/**
 * @module server/auth/secrets
 * Passwords are hashed with scrypt (memory-hard, in Node's crypto: no native add-on); session and
 * API tokens are random and stored only as SHA-256 hashes. Tokens carry their organisation id so a
 * lookup never crosses organisations.
 */
import { hash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (
  pw: string,
  salt: Buffer,
  len: number,
  opts: object,
) => Promise<Buffer>;

// N = 2^15 with r = 8 uses 32 MiB per hash: costly to brute-force, fine for a login.
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** @example await hashPassword('correct horse') // 'scrypt$32768$8$1$…$…' */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** SHA-256 of a token: what the database keeps. */
export function hashToken(token: string): string {
  return hash('sha256', token);
}

/** A new opaque token `<orgId>.<random>`; only its hash is stored. */
export function newToken(orgId: string): string {
  return `${orgId}.${randomBytes(32).toString('base64url')}`;
}

/** The organisation a token claims (checked against the stored hash before it is trusted). */
export function orgOfToken(token: string): string | null {
  const i = token.lastIndexOf('.');
  return i > 0 ? token.slice(0, i) : null;
}
