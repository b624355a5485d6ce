/**
 * The public API's answers, as the portal reads them (see src/server/routes/portal/*.schema.ts).
 * test/contract/web-api.ts holds these to the routes' response schemas.
 */

export interface PublicOrg {
  readonly slug: string;
  readonly name: string;
  readonly time_zone: string;
}

export interface PublicPolicy {
  readonly policy: string;
  readonly title: string;
  readonly version: number;
  readonly effective: string;
  readonly source: string;
}

export interface PoliciesAnswer {
  readonly org: PublicOrg;
  readonly policies: readonly PublicPolicy[];
}

export interface PolicyAnswer {
  readonly org: PublicOrg;
  readonly policy: PublicPolicy;
}

export interface HoursAnswer {
  readonly time_zone: string;
  readonly from: string;
  readonly to: string;
  readonly calendars: readonly {
    readonly name: string;
    readonly policy: string;
    readonly time_zone: string;
    readonly open_now: boolean;
    readonly intervals: readonly { readonly opens: string; readonly closes: string }[];
  }[];
}

export type Metric = 'first_reply' | 'next_reply' | 'periodic_update' | 'resolution' | 'follow_up';

export interface PromiseAnswer {
  readonly promise: {
    readonly channel: string;
    readonly priority: string;
    readonly targets: readonly {
      readonly metric: Metric;
      readonly duration: string;
      readonly calendar: string;
    }[];
    readonly why: string | null;
    readonly policy: { readonly id: string; readonly version: number };
  } | null;
}

export interface Deadline {
  readonly metric: Metric;
  readonly due_at: string;
  readonly duration: string;
  readonly calendar: string;
  readonly paused: boolean;
}

export type CaseKind = 'question' | 'complaint' | 'refund request' | 'compliment';

export interface FiledAnswer {
  readonly case: {
    readonly number: number;
    readonly kind: CaseKind;
    readonly subject: string;
    readonly status: string;
    readonly channel: string;
    readonly order_number: string | null;
  };
  readonly notice: string | null;
  readonly deadlines: readonly Deadline[];
  readonly follow_url: string;
}

export interface OrderAnswer {
  readonly order: {
    readonly number: string;
    readonly placed_at: string;
    readonly delivered_at: string | null;
    readonly items: readonly { readonly name: string; readonly quantity: number }[];
  };
}

export type CaseStatus = 'new' | 'open' | 'waiting on customer' | 'waiting on us' | 'resolved' | 'closed';

export type FollowItem =
  | {
      readonly type: 'message';
      readonly id: string;
      readonly at: string;
      readonly from: 'customer' | 'staff';
      readonly author: string | null;
      readonly channel: string | null;
      readonly body: string;
      readonly corrects: string | null;
    }
  | { readonly type: 'status'; readonly id: string; readonly at: string; readonly status: CaseStatus }
  | {
      readonly type: 'outcome';
      readonly id: string;
      readonly at: string;
      readonly text: string;
      readonly why: string | null;
    };

export interface FollowAnswer {
  readonly org: PublicOrg;
  readonly case: {
    readonly number: number;
    readonly kind: CaseKind;
    readonly subject: string;
    readonly status: CaseStatus;
    readonly channel: string;
    readonly order_number: string | null;
    readonly created_at: string;
    readonly updated_at: string;
  };
  readonly deadlines: readonly Deadline[];
  readonly can_reply: boolean;
  readonly items: readonly FollowItem[];
}
