import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The Delivery page, with DORA metrics by team or system. */
export const rootRouteRef = createRouteRef();
