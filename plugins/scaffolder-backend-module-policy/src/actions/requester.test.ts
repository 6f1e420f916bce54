import { UserEntity } from '@backstage/catalog-model';
import { requesterOf } from './requester';

describe('requesterOf', () => {
  it('takes groups from memberOf relations and spec.memberOf, as full refs', () => {
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'ana', namespace: 'finance' },
      spec: { memberOf: ['risk-team', 'default/Payments-Team'] },
      relations: [
        { type: 'memberOf', targetRef: 'group:default/payments-team' },
        { type: 'ownerOf', targetRef: 'component:default/ledger' },
      ],
    } as UserEntity;

    expect(requesterOf({ ref: 'user:finance/ana', entity })).toEqual({
      ref: 'user:finance/ana',
      groups: ['group:default/payments-team', 'group:finance/risk-team'],
    });
  });

  it('gives no groups to a user the catalog does not know', () => {
    expect(requesterOf({ ref: 'user:development/guest' })).toEqual({
      ref: 'user:development/guest',
      groups: [],
    });
    expect(requesterOf(undefined)).toEqual({ ref: null, groups: [] });
  });
});
