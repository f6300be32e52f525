import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/**
 * What a delete or a remove outputs, as n8n's own nodes answer one: `{ deleted: true }`
 * and the keys acted on (Zoho answers 204 without a body). Version 1 of the node answered
 * `{ success: true }`; its workflows may test that field, so it stays for them.
 */
export function deletedResult(this: IExecuteFunctions, keys: IDataObject): IDataObject {
	return this.getNode().typeVersion >= 2 ? { deleted: true, ...keys } : { success: true, deleted: true, ...keys };
}
