import { Reply } from './replies';

export type StandbyMode = false | 'standby' | 'performance' | 'dr';

const STANDBY_STATUS = { standby: 429, dr: 472, performance: 473 };

/**
 * `sys/health` as Vault documents it: 200 active, 429 standby, 472 DR
 * secondary, 473 performance standby, 501 not initialised, 503 sealed,
 * each with the status body.
 */
export function healthReply(state: {
  initialized: boolean;
  sealed: boolean;
  standby: StandbyMode;
  version: string;
  now: number;
}): Reply {
  const { initialized, sealed, standby } = state;
  let status = 200;
  if (!initialized) status = 501;
  else if (sealed) status = 503;
  else if (standby) status = STANDBY_STATUS[standby];
  const inactive = !initialized || sealed;
  return {
    status,
    body: {
      initialized,
      sealed: inactive,
      standby: inactive || standby !== false,
      performance_standby: standby === 'performance',
      replication_performance_mode: 'disabled',
      replication_dr_mode: standby === 'dr' ? 'secondary' : 'disabled',
      server_time_utc: Math.floor(state.now / 1000),
      version: state.version,
      cluster_name: 'vault-api-test-server',
    },
  };
}
