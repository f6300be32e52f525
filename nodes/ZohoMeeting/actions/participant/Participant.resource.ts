/** The operations of the Participant resource, one line each: the dropdown and the fields come from this list (operation.ts). */
export * as add from './add.operation';
export * as getAll from './getAll.operation';
export * as remove from './remove.operation';
