import {
  LogEvent,
  ScaffolderTaskOutput,
} from '@backstage/plugin-scaffolder-common';
import { stripVTControlCharacters } from 'node:util';
import { CliError } from '../../lib/CliError';
import { createClients } from '../../portal/clients';
import { PortalSession } from '../../portal/PortalSession';
import { errorForStatus, messageOfResponse } from '../../portal/responseErrors';

export type StepStatus =
  | 'open'
  | 'processing'
  | 'completed'
  | 'failed'
  | 'skipped'
  | 'cancelled';

export interface StepProgress {
  id: string;
  name: string;
  status: StepStatus;
  durationMs?: number;
}

/** What the task's completion event carries. */
export interface TaskCompletion {
  output?: ScaffolderTaskOutput;
  error?: { name?: string; message: string };
}

/** Consecutive failed polls (portal down, 5xx) before giving up. */
const MAX_FAILED_POLLS = 5;

/**
 * Follows a scaffolder task's event log until its completion event, through
 * the scaffolder client's long-polling stream. The stream retries failed
 * polls forever; this gives up at once on 401/403/404 and after a few
 * failures in a row otherwise, with the usual one-line error.
 */
export function followTask(options: {
  session: PortalSession;
  taskId: string;
  onEvent: (event: LogEvent) => void;
}): Promise<TaskCompletion> {
  const { session, taskId } = options;
  return new Promise((resolve, reject) => {
    let failures = 0;
    let finished = false;
    let unsubscribe = () => {};
    const giveUp = (error: unknown) => {
      if (finished) return;
      finished = true;
      unsubscribe();
      reject(error);
    };
    const fetchApi = {
      fetch: (async (input: string | URL | Request, init?: RequestInit) => {
        try {
          const response = await session.fetchApi.fetch(input, init);
          if (response.ok) {
            failures = 0;
            return response;
          }
          failures += 1;
          if (response.status < 500 || failures >= MAX_FAILED_POLLS) {
            giveUp(
              errorForStatus(
                response.status,
                await messageOfResponse(response.clone()),
                await session.failureContext({
                  notFound: `No scaffolder task ${taskId}`,
                }),
              ),
            );
          }
          return response;
        } catch (error) {
          failures += 1;
          if (failures >= MAX_FAILED_POLLS) giveUp(error);
          // The stream treats any failed response as "try again in a
          // second"; a thrown error would escape it unhandled.
          return new Response(null, { status: 503 });
        }
      }) as typeof fetch,
    };
    const { scaffolder } = createClients(session, { fetchApi });
    const subscription = scaffolder.streamLogs({ taskId }).subscribe({
      next: event => {
        if (finished) return;
        options.onEvent(event);
        if (event.type === 'completion') {
          finished = true;
          unsubscribe();
          resolve(event.body as unknown as TaskCompletion);
        }
      },
      error: giveUp,
    });
    unsubscribe = () => subscription.unsubscribe();
    if (finished) unsubscribe();
  });
}

/**
 * Step states from the task's events: "Beginning step" (processing), then
 * completed, failed, skipped or cancelled, each with the step's id.
 */
export class StepTracker {
  readonly steps: StepProgress[];
  readonly #startedAt = new Map<string, number>();
  #failed?: StepProgress;

  constructor(steps: Array<{ id: string; name: string }>) {
    this.steps = steps.map(s => ({ id: s.id, name: s.name, status: 'open' }));
  }

  /** Applies an event; returns the step whose status it changed, if any. */
  apply(event: LogEvent): StepProgress | undefined {
    const { stepId, status } = event.body;
    if (!stepId || !status) return undefined;
    const step = this.steps.find(s => s.id === stepId);
    if (!step || step.status === status) return undefined;
    const at = new Date(event.createdAt).getTime();
    if (status === 'processing') this.#startedAt.set(stepId, at);
    else if (this.#startedAt.has(stepId)) {
      step.durationMs = at - this.#startedAt.get(stepId)!;
    }
    step.status = status as StepStatus;
    if (status === 'failed') this.#failed ??= step;
    return step;
  }

  position(step: StepProgress): string {
    return `${this.steps.indexOf(step) + 1}/${this.steps.length}`;
  }

  get failedStep(): StepProgress | undefined {
    return this.#failed;
  }
}

/** The first line of a failure: the step logs the whole stack. */
export function firstLine(message: string): string {
  return stripVTControlCharacters(message)
    .split('\n')[0]
    .replace(/^[A-Za-z]*Error: /, '')
    .trim();
}

export function taskNotFound(template: string): CliError {
  return CliError.notFound(
    `No template ${template} in the catalog: finops templates list shows them`,
  );
}
