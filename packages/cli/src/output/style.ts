/**
 * A few ANSI styles for people reading a terminal. Off when the stream is not
 * a TTY, when NO_COLOR is set (https://no-color.org) or for --json, so logs
 * and pipes get plain text.
 */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

function wrap(open: number, close: number) {
  return (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
}

const plain: Style = {
  bold: t => t,
  dim: t => t,
  red: t => t,
  green: t => t,
  yellow: t => t,
  cyan: t => t,
};

const ansi: Style = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
  cyan: wrap(36, 39),
};

export function createStyle(options: {
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}): Style {
  const enabled =
    options.isTTY &&
    !options.env.NO_COLOR &&
    options.env.TERM !== 'dumb' &&
    !options.env.CI;
  return enabled ? ansi : plain;
}

export const plainStyle = plain;
