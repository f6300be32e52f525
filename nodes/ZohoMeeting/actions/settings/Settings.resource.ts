/** The operations of the Settings resource, one line each: the dropdown and the fields come from this list (operation.ts). */
export * as get from './get.operation';
export * as update from './update.operation';
