/** The operations of the Report resource, one line each: the dropdown and the fields come from this list (operation.ts). */
export * as get from './get.operation';
