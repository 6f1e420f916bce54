import { createStyle, plainStyle, Style } from './style';

/** Where a command writes: stdout for results, stderr for progress and errors. */
export interface OutputStreams {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/**
 * Human output by default; with --json, stdout carries exactly one JSON
 * document (the result, or `{"error": ...}`) and everything meant for people
 * (progress, notes) goes to stderr, so `finops ... --json | jq` always works.
 */
export class Output {
  readonly json: boolean;
  readonly style: Style;
  readonly #streams: OutputStreams;

  constructor(options: {
    streams: OutputStreams;
    json: boolean;
    env: NodeJS.ProcessEnv;
  }) {
    this.json = options.json;
    this.#streams = options.streams;
    this.style = options.json
      ? plainStyle
      : createStyle({
          isTTY: Boolean(options.streams.stdout.isTTY),
          env: options.env,
        });
  }

  /** A line of the human result; nothing in --json mode. */
  line(text = ''): void {
    if (!this.json) this.#streams.stdout.write(`${text}\n`);
  }

  /** Progress or a note for people: stderr in --json mode, else stdout. */
  progress(text: string): void {
    (this.json ? this.#streams.stderr : this.#streams.stdout).write(
      `${text}\n`,
    );
  }

  /** A warning for people, always on stderr. */
  warn(text: string): void {
    this.#streams.stderr.write(`${text}\n`);
  }

  /**
   * The command's result: the JSON document in --json mode, else whatever
   * `human` prints.
   */
  result(value: unknown, human: () => void): void {
    if (this.json) {
      this.#streams.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    } else {
      human();
    }
  }

  /** The one-line error; in --json mode also a JSON document on stdout. */
  error(message: string, exitCode: number): void {
    this.#streams.stderr.write(`finops: ${message}\n`);
    if (this.json) {
      this.#streams.stdout.write(
        `${JSON.stringify({ error: { message, exitCode } }, null, 2)}\n`,
      );
    }
  }
}
