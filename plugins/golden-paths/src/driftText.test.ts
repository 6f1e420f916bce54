import { driftHint, driftLabel } from './driftText';

describe('driftLabel', () => {
  it.each([
    [{ status: 'current' } as const, 'Current'],
    [{ status: 'behind-minor', by: 1 } as const, '1 minor version behind'],
    [{ status: 'behind-major', by: 2 } as const, '2 major versions behind'],
    [{ status: 'behind-patch', by: 3 } as const, '3 patch versions behind'],
    [{ status: 'ahead' } as const, 'Ahead of template'],
    [{ status: 'unknown', reason: 'template-missing' } as const, 'Unknown'],
  ])('says %j as %s', (drift, label) => {
    expect(driftLabel(drift)).toBe(label);
  });
});

describe('driftHint', () => {
  const templateRef = 'template:default/spring-boot-service';

  it('tells owners of a service behind where to start comparing', () => {
    expect(
      driftHint(
        { status: 'behind-minor', by: 2 },
        { service: '2.1.0', template: '2.3.0', templateRef },
      ),
    ).toBe(
      "Compare the template's skeleton since 2.1.0 and apply the changes.",
    );
  });

  it('says why a service cannot be compared', () => {
    expect(
      driftHint(
        { status: 'unknown', reason: 'template-missing' },
        { service: '0.9.0', templateRef: 'template:default/cobol-batch' },
      ),
    ).toBe(
      'template:default/cobol-batch is no longer in the catalog, so there is no current version to compare with.',
    );
    expect(
      driftHint(
        { status: 'unknown', reason: 'service-version-invalid' },
        { service: 'first', template: '2.3.0', templateRef },
      ),
    ).toBe(
      'It records "first" in finops.io/template-version, which is not a MAJOR.MINOR.PATCH version.',
    );
    expect(
      driftHint(
        { status: 'unknown', reason: 'service-version-missing' },
        { template: '2.3.0', templateRef },
      ),
    ).toBe(
      'It does not record which version of the template it was created from: add the finops.io/template-version annotation.',
    );
  });

  it('points at the annotation of a service ahead of its template', () => {
    expect(
      driftHint(
        { status: 'ahead' },
        { service: '1.5.0', template: '1.4.2', templateRef },
      ),
    ).toBe(
      'It records 1.5.0, which the template (at 1.4.2) has not released: check its finops.io/template-version annotation.',
    );
  });
});
