/** The operations of the Registration resource, one line each: the dropdown and the fields come from this list (operation.ts). */
export * as approve from './approve.operation';
export * as getAll from './getAll.operation';
