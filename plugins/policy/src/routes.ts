import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The Compliance page. */
export const rootRouteRef = createRouteRef();
