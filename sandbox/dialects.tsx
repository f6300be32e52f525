import type { Dialect } from './api';
import type { ApiName } from './model';
import { organizationDialect } from './organization';
import { v2Dialect } from './routes';

/** The API's wire formats by the name the configuration uses. */
export const DIALECTS: Record<ApiName, Dialect> = {
	v2: v2Dialect,
	organization: organizationDialect,
};
