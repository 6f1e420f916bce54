import {
  formatBytes,
  formatDuration,
  formatHours,
  shortSha,
  userName,
} from './format';

describe('format', () => {
  it('writes durations the way CI tools do', () => {
    expect(formatDuration(42_400)).toBe('42s');
    expect(formatDuration(187_000)).toBe('3m 07s');
    expect(formatDuration(3_720_000)).toBe('1h 02m');
  });

  it('writes DORA hours in the unit that reads best', () => {
    expect(formatHours(0.5)).toBe('30 min');
    expect(formatHours(5.25)).toBe('5.3 hours');
    expect(formatHours(74.4)).toBe('3.1 days');
  });

  it('writes artifact sizes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3 MiB');
  });

  it('shortens a sha to seven characters', () => {
    expect(shortSha('9f8e7d6c5b4a39281706f5e4d3c2b1a098765432')).toBe(
      '9f8e7d6',
    );
  });

  it('names a user by the last part of their entity ref', () => {
    expect(userName('user:default/alice')).toBe('alice');
    expect(userName('bob')).toBe('bob');
  });
});
