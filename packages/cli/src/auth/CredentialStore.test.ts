import { mkdir, stat, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { temporaryConfigHome } from '../__testUtils__/runFinops';
import { CredentialStore } from './CredentialStore';

const token = {
  kind: 'static',
  token: 's3cret',
  savedAt: '2025-01-01T00:00:00Z',
} as const;

describe('CredentialStore', () => {
  it('lives under XDG_CONFIG_HOME, else ~/.config', () => {
    expect(
      CredentialStore.fromEnvironment({
        XDG_CONFIG_HOME: '/x/config',
        HOME: '/home/a',
      }).file,
    ).toBe('/x/config/finops/credentials.json');
    expect(CredentialStore.fromEnvironment({ HOME: '/home/a' }).file).toBe(
      '/home/a/.config/finops/credentials.json',
    );
    expect(
      CredentialStore.fromEnvironment({ XDG_CONFIG_HOME: ' ', HOME: '/home/a' })
        .file,
    ).toBe('/home/a/.config/finops/credentials.json');
  });

  it('writes the file with mode 0600 in a folder with mode 0700, whatever the umask', async () => {
    const home = await temporaryConfigHome();
    const store = CredentialStore.fromEnvironment({ XDG_CONFIG_HOME: home });
    const previous = process.umask(0o000);
    try {
      await store.save('https://portal.example.com', token);
    } finally {
      process.umask(previous);
    }
    expect((await stat(store.file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(home, 'finops'))).mode & 0o777).toBe(0o700);
  });

  it('narrows a folder and a file someone left wider', async () => {
    const home = await temporaryConfigHome();
    await mkdir(join(home, 'finops'), { mode: 0o755 });
    const file = join(home, 'finops', 'credentials.json');
    await writeFile(file, JSON.stringify({ version: 1, portals: {} }));
    await chmod(file, 0o644);
    const store = new CredentialStore(file);
    await store.save('https://portal.example.com', token);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(home, 'finops'))).mode & 0o777).toBe(0o700);
  });

  it('keeps credentials per portal, the last sign-in current', async () => {
    const store = CredentialStore.fromEnvironment({
      XDG_CONFIG_HOME: await temporaryConfigHome(),
    });
    await store.save('https://a.example.com', token);
    await store.save('https://b.example.com', { ...token, token: 'other' });
    expect(await store.currentPortal()).toBe('https://b.example.com');
    await store.save(
      'https://a.example.com',
      { ...token, token: 'refreshed' },
      {
        makeCurrent: false,
      },
    );
    expect(await store.currentPortal()).toBe('https://b.example.com');
    expect(await store.get('https://a.example.com')).toMatchObject({
      token: 'refreshed',
    });

    expect(await store.remove('https://b.example.com')).toMatchObject({
      token: 'other',
    });
    expect(await store.currentPortal()).toBeUndefined();
    expect(await store.get('https://a.example.com')).toBeDefined();
    await store.remove('https://a.example.com');
    await expect(stat(store.file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('says what to do with a file it cannot read', async () => {
    const home = await temporaryConfigHome();
    const store = CredentialStore.fromEnvironment({ XDG_CONFIG_HOME: home });
    await mkdir(join(home, 'finops'));
    await writeFile(store.file, '{"portals": ');
    await expect(store.read()).rejects.toMatchObject({
      exitCode: 3,
      message: `The credentials file ${store.file} is unreadable: delete it and run finops login`,
    });
  });
});
