/** An API token as GET /api/tokens lists it (test/contract/web-api.ts holds the two together). */
export interface Token {
  readonly id: string;
  readonly name: string;
  readonly created_at: string;
  readonly revoked_at: string | null;
}
