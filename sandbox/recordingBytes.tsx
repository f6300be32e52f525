import { endianness } from 'node:os';

/**
 * The content of a recording: a pure function of the recording ID and the byte offset,
 * so that a test can recompute any byte of a download, and the sandbox can stream a
 * file of any size without holding it. Each 4-byte little-endian word is a hash of the
 * recording's seed and the word's index.
 */
export function recordingByte(recordingId: string, offset: number): number {
	const word = wordAt(seedOf(recordingId), Math.floor(offset / 4));
	return (word >>> (8 * (offset % 4))) & 0xff;
}

/** `length` bytes of the recording starting at `offset`, as `recordingByte` defines them. */
export function recordingChunk(recordingId: string, offset: number, length: number): Buffer {
	const seed = seedOf(recordingId);
	const firstWord = Math.floor(offset / 4);
	const wordCount = Math.ceil((offset + length) / 4) - firstWord;
	const words = new Uint32Array(wordCount);
	for (let i = 0; i < wordCount; i++) words[i] = wordAt(seed, firstWord + i);
	const bytes = Buffer.from(words.buffer);
	// The definition is little-endian; a big-endian host lays the words out the other way.
	if (BIG_ENDIAN) bytes.swap32();
	const skip = offset % 4;
	return bytes.subarray(skip, skip + length);
}

const BIG_ENDIAN = endianness() === 'BE';

function seedOf(recordingId: string): number {
	// FNV-1a: a different, stable stream for every recording ID.
	let hash = 0x811c9dc5;
	for (let i = 0; i < recordingId.length; i++) {
		hash = Math.imul(hash ^ recordingId.charCodeAt(i), 0x01000193);
	}
	return hash >>> 0;
}

/**
 * Bob Jenkins' 32-bit integer hash over seed and word index. Shifts, adds and xors only:
 * inside jest's sandboxed globals every `Math.imul` is a slow global lookup, and tests
 * stream hundreds of MiB through this.
 */
function wordAt(seed: number, index: number): number {
	let x = seed ^ index;
	x = (x + 0x7ed55d16 + (x << 12)) | 0;
	x = x ^ 0xc761c23c ^ (x >>> 19);
	x = (x + 0x165667b1 + (x << 5)) | 0;
	x = (x + 0xd3a2646c) ^ (x << 9);
	x = (x + 0xfd7046c5 + (x << 3)) | 0;
	x = x ^ 0xb55a4f09 ^ (x >>> 16);
	return x >>> 0;
}
