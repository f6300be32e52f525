import type { SandboxSession } from './sandboxWorkflow';

export const HELD_MEETING = {
	topic: 'Daily sync',
	start_time: '2025-03-03T09:00:00Z',
	duration: 30,
	recording_enabled: true,
	is_recurring: true,
	recurrence: { type: 'daily' as const, end_date: '2025-03-05T23:59:59Z' },
	participants: [
		{ email: 'ann@example.com', name: 'Ann' },
		{ email: 'bob@example.com', name: 'Bob' },
	],
};

/**
 * A daily meeting already held three times (March 3 to 5, 2025, 09:00 to 09:30 UTC) and
 * recorded, which Ann and Bob attended; the sandbox has Bob join a minute late. Returns
 * its meeting key.
 */
export async function seedHeldMeeting(sandbox: SandboxSession): Promise<string> {
	const { meetings } = await sandbox.admin.seed({ meetings: [HELD_MEETING] });
	return meetings[0].meeting_key;
}
