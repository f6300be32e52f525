import type { MeetingRecord, RecordingRecord, Store } from '../../sandbox/store';

const MINUTE_MS = 60_000;

/**
 * A meeting held early: Zoho completes it now, but it keeps its scheduled start, ahead of
 * now, and so does its recording (made now and available at once). Put straight into the
 * store, because the API and the admin seed let a meeting complete only after its start.
 */
export function holdEarly(
	store: Store,
	start: number,
	duration = 30,
): { meeting: MeetingRecord; recording: RecordingRecord } {
	const now = store.now();
	const second = Math.floor(start / 1000) * 1000;
	const meeting = store.createMeeting({ topic: 'Held early', duration }, { start: second });
	meeting.completed = true;
	meeting.modified = now;
	// Nothing left to hold: the store's clock must not complete it a second time.
	meeting.nextEnd = Infinity;
	const recording = store.recordSpan(meeting, { start: second, end: second + duration * MINUTE_MS });
	recording.created = now;
	recording.availableAt = now;
	return { meeting, recording };
}
