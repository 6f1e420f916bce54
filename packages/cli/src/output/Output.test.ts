import { Output } from './Output';
import { renderTable } from './table';
import { formatDuration, percent, timeAgo } from './time';

function capture(json: boolean, isTTY = false, env: NodeJS.ProcessEnv = {}) {
  const out = { stdout: '', stderr: '' };
  const output = new Output({
    json,
    env,
    streams: {
      stdout: { write: (t: string) => (out.stdout += t), isTTY },
      stderr: { write: (t: string) => (out.stderr += t) },
    },
  });
  return { output, out };
}

describe('Output', () => {
  it('prints the human form, progress on stdout', () => {
    const { output, out } = capture(false);
    output.progress('step 1');
    output.result({ a: 1 }, () => output.line('a is 1'));
    expect(out).toEqual({ stdout: 'step 1\na is 1\n', stderr: '' });
  });

  it('with --json, stdout holds only the JSON document; progress goes to stderr', () => {
    const { output, out } = capture(true);
    output.progress('step 1');
    output.line('not printed');
    output.result({ a: 1 }, () => output.line('a is 1'));
    expect(JSON.parse(out.stdout)).toEqual({ a: 1 });
    expect(out.stderr).toBe('step 1\n');
  });

  it('prints an error as one line, and as JSON on stdout with --json', () => {
    const human = capture(false);
    human.output.error('Permission denied: no', 4);
    expect(human.out).toEqual({
      stdout: '',
      stderr: 'finops: Permission denied: no\n',
    });
    const json = capture(true);
    json.output.error('Permission denied: no', 4);
    expect(JSON.parse(json.out.stdout)).toEqual({
      error: { message: 'Permission denied: no', exitCode: 4 },
    });
  });

  it('colours only a terminal, and never with NO_COLOR or in CI', () => {
    expect(capture(false, true).output.style.red('x')).toBe(
      '\u001b[31mx\u001b[39m',
    );
    expect(capture(false, false).output.style.red('x')).toBe('x');
    expect(capture(false, true, { NO_COLOR: '1' }).output.style.red('x')).toBe(
      'x',
    );
    expect(capture(false, true, { CI: 'true' }).output.style.red('x')).toBe(
      'x',
    );
    expect(capture(true, true).output.style.red('x')).toBe('x');
  });
});

describe('renderTable', () => {
  it('aligns columns on the widest visible cell, ignoring colours', () => {
    const green = '\u001b[32mok\u001b[39m';
    expect(
      renderTable(
        ['NAME', 'STATE', 'NOTE'],
        [
          ['card-payments', green, 'fine'],
          ['x', 'breached', ''],
        ],
      ),
    ).toBe(
      [
        'NAME           STATE     NOTE',
        `card-payments  ${green}        fine`,
        'x              breached',
      ].join('\n'),
    );
  });
});

describe('time formatting', () => {
  const now = new Date('2025-06-01T12:00:00Z');
  it.each([
    ['2025-06-01T11:59:30Z', 'just now'],
    ['2025-06-01T11:15:00Z', '45 min ago'],
    ['2025-06-01T07:00:00Z', '5 h ago'],
    ['2025-05-20T12:00:00Z', '12 d ago'],
    [null, '-'],
  ])('timeAgo(%s) is %s', (iso, text) => {
    expect(timeAgo(iso, now)).toBe(text);
  });
  it.each([
    [850, '850 ms'],
    [42_000, '42 s'],
    [252_000, '4m 12s'],
    [7_500_000, '2h 05m'],
    [null, '-'],
  ])('formatDuration(%s) is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
  it('prints ratios as percentages', () => {
    expect(percent(0.4231)).toBe('42.3%');
    expect(percent(-0.5)).toBe('-50.0%');
    expect(percent(null)).toBe('-');
  });
});
