import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The Golden paths page: every template and the services behind it. */
export const rootRouteRef = createRouteRef();
