/** The operations of the Recording resource, one line each: the dropdown and the fields come from this list (operation.ts). */
export * as delete from './delete.operation';
export * as download from './download.operation';
export * as get from './get.operation';
export * as getAll from './getAll.operation';
