import {
  migratedDatabase,
  storeDatabases,
} from '../__testUtils__/storeDatabase';
import { ExceptionStore } from './ExceptionStore';

jest.setTimeout(60_000);

const DAY = 86_400_000;
const t0 = new Date('2026-11-01T09:00:00.000Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY);

describe.each(storeDatabases.eachSupportedId())('ExceptionStore on %p', id => {
  async function stores() {
    const db = await migratedDatabase(id);
    return {
      exceptions: ExceptionStore.create(db),
    };
  }

  it('lapses approved exceptions at their expiry, once', async () => {
    const { exceptions } = await stores();
    const created = await exceptions.create({
      entityRef: 'component:default/card-payments',
      rule: 'CAT-PCI-002',
      justification: 'Network policy lands next sprint.',
      compensatingControl: 'Cloud firewall.',
      expiresAt: at(30),
      requestedBy: 'user:default/ana',
      requestedAt: t0,
    });
    await expect(
      exceptions.create({
        ...created,
        expiresAt: at(10),
        requestedBy: 'user:default/ben',
        requestedAt: at(1),
      }),
    ).rejects.toThrow(/already has a pending exception/);

    await exceptions.review(created.id, {
      status: 'approved',
      reviewedBy: 'user:default/mei',
      reviewedAt: at(1),
    });
    expect(
      await exceptions.activeRules('component:default/card-payments', at(29)),
    ).toEqual(['CAT-PCI-002']);

    expect(await exceptions.expireDue(at(29))).toEqual([]);
    const expired = await exceptions.expireDue(at(30));
    expect(expired.map(e => [e.id, e.status])).toEqual([
      [created.id, 'expired'],
    ]);
    expect(await exceptions.expireDue(at(31))).toEqual([]);
    expect(
      await exceptions.activeRules('component:default/card-payments', at(30)),
    ).toEqual([]);
    expect((await exceptions.get(created.id)).status).toBe('expired');
  });

  it('refuses to review an exception that expired while pending', async () => {
    const { exceptions } = await stores();
    const created = await exceptions.create({
      entityRef: 'component:default/ledger-service',
      rule: 'CAT-SLO-001',
      justification: 'SLO is being agreed with the business.',
      compensatingControl: 'Weekly availability report.',
      expiresAt: at(5),
      requestedBy: 'user:default/ana',
      requestedAt: t0,
    });
    await expect(
      exceptions.review(created.id, {
        status: 'approved',
        reviewedBy: 'user:default/mei',
        reviewedAt: at(6),
      }),
    ).rejects.toThrow(/expired before it was reviewed/);
  });
});
