/** The operations of the Meeting resource, one line each: the dropdown and the fields come from this list (operation.ts). */
export * as cancel from './cancel.operation';
export * as create from './create.operation';
export * as get from './get.operation';
export * as getAll from './getAll.operation';
export * as getStatistics from './getStatistics.operation';
export * as update from './update.operation';
