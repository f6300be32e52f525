import { Readable } from 'node:stream';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

export interface BinaryContent {
	/** The item's binary entry: mimeType, fileName, fileExtension, fileSize, bytes, id, ... */
	metadata: IBinaryData;
	/** File the filesystem manager wrote, or undefined when the bytes sit base64 in `data`. */
	path?: string;
	/** Size in bytes (as n8n-core recorded it, else measured). */
	size: number;
	buffer(): Promise<Buffer>;
	stream(): Promise<Readable>;
}

/**
 * Reads an output item's binary back through n8n-core's BinaryDataService. In filesystem
 * mode the entry's `id` is `filesystem-v2:<file id>` and `data` is only the mode name; an
 * entry without `id` was kept in memory (the node stored it without the service).
 */
export async function readBinary(
	item: INodeExecutionData,
	propertyName = 'data',
): Promise<BinaryContent> {
	const metadata = item.binary?.[propertyName];
	if (!metadata) {
		const present = Object.keys(item.binary ?? {}).join(', ') || 'none';
		throw new UnexpectedError(`Item has no binary "${propertyName}" (present: ${present})`);
	}
	const service = Container.get(BinaryDataService);
	const { id } = metadata;
	const buffer = async () => await service.getAsBuffer(metadata);
	const size = metadata.bytes ?? (await buffer()).length;
	return {
		metadata,
		path: id ? service.getPath(id) : undefined,
		size,
		buffer,
		stream: async () => {
			if (id) return await service.getAsStream(id);
			return Readable.from(await buffer());
		},
	};
}
