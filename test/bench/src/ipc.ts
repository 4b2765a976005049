import { fork, type ChildProcess } from 'node:child_process';

/**
 * Request/response over a child process's IPC channel. Messages without an
 * `id` (Backstage's node transform announces every file it compiles) are
 * ignored.
 */

type Handler = (payload: any) => unknown;

interface Request {
  id: number;
  type: string;
  payload?: unknown;
}

interface Response {
  id: number;
  result?: unknown;
  error?: string;
}

/** In a child: answers the parent's requests with the handlers. */
export function serveRequests(handlers: Record<string, Handler>): void {
  process.on('message', async (message: Request) => {
    if (typeof message?.id !== 'number') return;
    const reply = (response: Omit<Response, 'id'>) =>
      process.send?.({ id: message.id, ...response });
    const handler = handlers[message.type];
    if (!handler) {
      reply({ error: `no handler for ${message.type}` });
      return;
    }
    try {
      reply({ result: await handler(message.payload) });
    } catch (error) {
      reply({
        error:
          error instanceof Error ? error.stack ?? error.message : String(error),
      });
    }
  });
}

/** In the parent: a forked helper process and the requests sent to it. */
export class HelperProcess {
  #next = 1;
  #pending = new Map<
    number,
    { resolve: (v: any) => void; reject: (e: Error) => void }
  >();
  #exited: Promise<number | null>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (message: Response) => {
      if (typeof message?.id !== 'number') return;
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.error !== undefined)
        pending?.reject(new Error(`${name}: ${message.error}`));
      else pending?.resolve(message.result);
    });
    this.#exited = new Promise(resolve => {
      child.on('exit', code => {
        for (const { reject } of this.#pending.values()) {
          reject(new Error(`${name} exited (code ${code})`));
        }
        this.#pending.clear();
        resolve(code);
      });
    });
  }

  /** Forks a `.js` entry (one that loads the TypeScript transform). */
  static start(
    name: string,
    entry: string,
    execArgv: string[] = [],
  ): HelperProcess {
    const child = fork(entry, [], {
      execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new HelperProcess(name, child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  request<T>(type: string, payload?: unknown): Promise<T> {
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.child.send({ id, type, payload } satisfies Request);
    });
  }

  /** Asks the helper to stop, and kills it if it does not within 5 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    this.request('stop').catch(() => undefined);
    await this.#exited;
    clearTimeout(timer);
  }
}
