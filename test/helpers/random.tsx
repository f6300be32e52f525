/**
 * mulberry32: a small, fast generator that gives the same numbers on every machine, so a
 * randomized test replays exactly from its seed.
 */
export function random(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	const pick = <T,>(values: readonly T[]): T => values[int(0, values.length - 1)];
	return { next, int, pick, chance: (p: number) => next() < p };
}

export type Random = ReturnType<typeof random>;
