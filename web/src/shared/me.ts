/** The signed-in staff member, as GET /api/auth/me answers (test/contract/web-api.ts holds the two together). */
export interface Me {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: 'admin' | 'manager' | 'agent' | 'auditor';
  readonly org: { readonly id: string; readonly slug: string; readonly name: string };
}
