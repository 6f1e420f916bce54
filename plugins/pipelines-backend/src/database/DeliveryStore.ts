import { Knex } from 'knex';

/**
 * Deliveries already stored (`pipeline_deliveries`): GitHub redelivers on
 * timeouts and people redeliver by hand, so each delivery is claimed in the
 * same transaction as its write and a second claim finds it taken.
 */
export class DeliveryStore {
  readonly #db: Knex;

  static create(db: Knex): DeliveryStore {
    return new DeliveryStore(db);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  /** True if this delivery is new; false if it was stored before. */
  async claim(
    tx: Knex.Transaction,
    deliveryId: string,
    topic: string,
    now: number,
  ): Promise<boolean> {
    const inserted = await tx('pipeline_deliveries')
      .insert({ delivery_id: deliveryId, topic, received_at: now })
      .onConflict('delivery_id')
      .ignore()
      .returning('delivery_id');
    return inserted.length > 0;
  }

  async deleteOlderThan(cutoff: number): Promise<number> {
    return this.#db('pipeline_deliveries')
      .where('received_at', '<', cutoff)
      .delete();
  }
}
