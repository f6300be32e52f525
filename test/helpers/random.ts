/**
 * A seeded pseudo-random source, mulberry32: small, fast and the same on every machine,
 * so generated cases are the same on every run and a seed replays exactly.
 */
export function seeded(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	const pick = <T>(values: readonly T[]): T => values[int(0, values.length - 1)];
	return { next, int, pick, chance: (p: number) => next() < p };
}

export type Random = ReturnType<typeof seeded>;
