import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { temporaryConfigHome } from '../../__testUtils__/runFinops';
import { buildTemplateValues, readValuesFile } from './templateValues';

const schema = {
  steps: [
    {
      title: 'About',
      schema: {
        required: ['name', 'owner'],
        properties: {
          name: { type: 'string' },
          owner: { type: 'string' },
          pciScope: { type: 'boolean' },
          replicas: { type: 'integer' },
          environments: { type: 'array', items: { type: 'string' } },
          labels: { type: 'object' },
        },
        dependencies: {
          pciScope: {
            oneOf: [
              {
                properties: {
                  pciScope: { const: true },
                  system: { type: 'string' },
                },
              },
            ],
          },
        },
      },
    },
  ],
};

describe('buildTemplateValues', () => {
  it("fills in each step's defaults for what was not given, as the form does", () => {
    const withDefaults = {
      steps: [
        {
          title: 'Compliance',
          schema: {
            required: ['name'],
            properties: {
              name: { type: 'string' },
              pciScope: { type: 'boolean', default: false },
              environments: {
                type: 'array',
                items: { type: 'string' },
                default: ['development', 'production'],
              },
            },
          },
        },
      ],
    };
    expect(
      buildTemplateValues({
        schema: withDefaults,
        fileValues: {},
        assignments: ['name=refunds', 'environments=staging'],
      }),
    ).toEqual({ name: 'refunds', pciScope: false, environments: ['staging'] });
    expect(
      buildTemplateValues({
        schema: withDefaults,
        fileValues: { name: 'refunds', pciScope: true },
        assignments: [],
      }),
    ).toEqual({
      name: 'refunds',
      pciScope: true,
      environments: ['development', 'production'],
    });
  });

  it('types --set values by the template schema', () => {
    expect(
      buildTemplateValues({
        schema,
        fileValues: {},
        assignments: [
          'name=007',
          'owner=payments-team',
          'pciScope=true',
          'replicas=3',
          'environments=dev, staging',
          'labels={tier: gold}',
          'system=payments',
        ],
      }),
    ).toEqual({
      name: '007',
      owner: 'payments-team',
      pciScope: true,
      replicas: 3,
      environments: ['dev', 'staging'],
      labels: { tier: 'gold' },
      system: 'payments',
    });
  });

  it('lets --set override the values file', () => {
    expect(
      buildTemplateValues({
        schema,
        fileValues: { name: 'a', owner: 'x' },
        assignments: ['name=b', 'environments=[dev, production]'],
      }),
    ).toEqual({ name: 'b', owner: 'x', environments: ['dev', 'production'] });
  });

  it.each([
    [
      ['name=a'],
      'Missing required parameters: owner (pass --set owner=... or --values file.yaml)',
    ],
    [
      ['name=a', 'owner=b', 'colour=red'],
      'The template has no parameter "colour"; it takes: name, owner, pciScope, replicas, environments, labels, system',
    ],
    [
      ['name=a', 'owner=b', 'pciScope=maybe'],
      '--set pciScope: expected true or false, got "maybe"',
    ],
    [
      ['name=a', 'owner=b', 'replicas=1.5'],
      '--set replicas: expected a whole number, got "1.5"',
    ],
    [['name'], '--set name: write it as name=value'],
  ])('refuses %j with exit 2', (assignments, message) => {
    expect(() =>
      buildTemplateValues({ schema, fileValues: {}, assignments }),
    ).toThrow(expect.objectContaining({ exitCode: 2, message }));
  });

  it('reads a YAML values file, and says which line is broken', async () => {
    const dir = await temporaryConfigHome();
    await writeFile(
      join(dir, 'good.yaml'),
      'name: payments-docs\nowner: payments-team\n',
    );
    await writeFile(join(dir, 'bad.yaml'), 'name: [unclosed\n');
    await writeFile(join(dir, 'list.yaml'), '- a\n');
    await expect(readValuesFile(join(dir, 'good.yaml'))).resolves.toEqual({
      name: 'payments-docs',
      owner: 'payments-team',
    });
    await expect(readValuesFile(join(dir, 'bad.yaml'))).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(
        /^--values .*bad\.yaml is not valid YAML: .*at line 2/,
      ),
    });
    await expect(readValuesFile(join(dir, 'list.yaml'))).rejects.toMatchObject({
      message: expect.stringContaining(
        'must be a mapping of parameter names to values',
      ),
    });
    await expect(
      readValuesFile(join(dir, 'missing.yaml')),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('ENOENT'),
    });
  });
});
