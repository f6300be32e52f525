/** The operations of the Session resource, one line each: the dropdown and the fields come from this list (operation.ts). */
export * as get from './get.operation';
export * as getAll from './getAll.operation';
