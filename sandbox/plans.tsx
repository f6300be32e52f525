/**
 * Zoho Meeting plans: the spec's "Rate Limits" table, and how many participants one
 * meeting may have on each plan (the ceiling of a meeting's `participant_limit`).
 */
export interface Plan {
	callsPerMinute: number;
	callsPerDay: number;
	maxParticipants: number;
}

export const PLANS = {
	free: { callsPerMinute: 20, callsPerDay: 1_000, maxParticipants: 100 },
	standard: { callsPerMinute: 60, callsPerDay: 5_000, maxParticipants: 100 },
	professional: { callsPerMinute: 120, callsPerDay: 25_000, maxParticipants: 250 },
	enterprise: { callsPerMinute: 300, callsPerDay: 100_000, maxParticipants: 1_000 },
} as const satisfies Record<string, Plan>;

export type PlanName = keyof typeof PLANS;

export const PLAN_NAMES = Object.keys(PLANS) as PlanName[];

export const isPlanName = (name: unknown): name is PlanName =>
	typeof name === 'string' && Object.prototype.hasOwnProperty.call(PLANS, name);

/** The `participant_limit` a meeting gets when the request does not name one. */
export const DEFAULT_PARTICIPANT_LIMIT = 100;
