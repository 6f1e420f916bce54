import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The Health page, with the health of a team's or a system's components. */
export const rootRouteRef = createRouteRef();
