import { Delivery, Unit } from './deliveries';
import { deliver } from './portal';
import {
  approve,
  pushDeployableCommit,
  requestDeploy,
  Tokens,
  units,
} from './workloads';
import { Replica, World } from './world';

/** A write and when the portal acknowledged it (2xx), if it did. */
export interface Sent<T> {
  item: T;
  sentAt: number;
  /** When the 2xx answer arrived; undefined: no 2xx (refused, or no answer). */
  ackedAt?: number;
  status: number;
}

export interface DeployAttempt {
  commit: string;
  id?: string;
  created?: Sent<string>;
  approved?: Sent<string>;
}

/**
 * Writes that go on until stopped, recording what was acknowledged and
 * when: signed GitHub deliveries, and production deploys asked for by the
 * requester and approved by the approver.
 */
export class Load {
  readonly deliveries: Array<Sent<Delivery>> = [];
  readonly units: Unit[] = [];
  readonly deploys: DeployAttempt[] = [];
  #running = true;
  readonly #loops: Promise<void>[] = [];

  static start(
    world: World,
    options: {
      deliveriesTo: () => Replica[];
      deploysOn?: () => Replica;
      tokens?: Tokens;
      concurrency?: number;
      pauseMs?: number;
    },
  ): Load {
    const load = new Load();
    const pause = () => new Promise(r => setTimeout(r, options.pauseMs ?? 0));
    for (let worker = 0; worker < (options.concurrency ?? 4); worker++) {
      load.#loops.push(
        (async () => {
          while (load.#running) {
            const [u] = units(1);
            load.units.push(u);
            for (const delivery of u.deliveries) {
              const targets = options.deliveriesTo();
              const target = targets[load.deliveries.length % targets.length];
              const sent: Sent<Delivery> = {
                item: delivery,
                sentAt: Date.now(),
                status: 0,
              };
              load.deliveries.push(sent);
              sent.status = await deliver(
                target.url,
                delivery,
                world.webhookSecret,
              );
              if (sent.status >= 200 && sent.status < 300)
                sent.ackedAt = Date.now();
              await pause();
            }
          }
        })(),
      );
    }
    if (options.deploysOn && options.tokens) {
      const tokens = options.tokens;
      const on = options.deploysOn;
      load.#loops.push(
        (async () => {
          while (load.#running) {
            const attempt = await load.#deploy(world, on, tokens);
            if (!attempt) await new Promise(r => setTimeout(r, 500));
            await pause();
          }
        })(),
      );
    }
    return load;
  }

  async #deploy(world: World, on: () => Replica, tokens: Tokens) {
    let commit: string;
    try {
      commit = await pushDeployableCommit(world, on());
    } catch {
      return undefined;
    }
    const attempt: DeployAttempt = { commit };
    this.deploys.push(attempt);
    const created = {
      item: commit,
      sentAt: Date.now(),
      status: 0,
    } as Sent<string>;
    attempt.created = created;
    const answer = await requestDeploy(on().url, tokens.requester, commit);
    created.status = answer.status;
    if (answer.status !== 201) return attempt;
    created.ackedAt = Date.now();
    attempt.id = answer.body.id;
    const approved = {
      item: attempt.id!,
      sentAt: Date.now(),
      status: 0,
    } as Sent<string>;
    attempt.approved = approved;
    const decision = await approve(on().url, tokens.approver, attempt.id!);
    approved.status = decision.status;
    if (decision.status === 200) approved.ackedAt = Date.now();
    return attempt;
  }

  /** Stops sending, and waits for the answers still on their way. */
  async stop(): Promise<void> {
    this.#running = false;
    await Promise.all(this.#loops);
  }

  ackedDeliveriesBefore(time: number): Delivery[] {
    return this.deliveries
      .filter(d => d.ackedAt !== undefined && d.ackedAt < time)
      .map(d => d.item);
  }
}
