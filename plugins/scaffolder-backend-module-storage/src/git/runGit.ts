import { execFile } from 'node:child_process';

/** Extra settings for one git invocation. */
export interface RunGitOptions {
  /** Working directory; git runs with `-C` semantics through `cwd`. */
  cwd?: string;
  /** Environment added to the process environment (credentials, identity). */
  env?: Record<string, string>;
  signal?: AbortSignal;
  /** Strings that must never appear in an error message (tokens). */
  redact?: string[];
}

/** A git command that exited non-zero, with its stderr (secrets redacted). */
export class GitCommandError extends Error {
  readonly args: string[];
  readonly stderr: string;
  readonly exitCode: number | undefined;

  constructor(args: string[], stderr: string, exitCode: number | undefined) {
    const detail = stderr.trim().split('\n').slice(-5).join('\n');
    super(`git ${describeArgs(args)} failed${detail ? `: ${detail}` : ''}`);
    this.name = 'GitCommandError';
    this.args = args;
    this.stderr = stderr;
    this.exitCode = exitCode;
  }
}

function describeArgs(args: string[]): string {
  // `-c key=value` pairs can carry settings; name only the subcommand and operands.
  const visible: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-c') {
      i++;
      continue;
    }
    visible.push(args[i]);
  }
  return visible.join(' ');
}

function redactAll(text: string, secrets: string[]): string {
  return secrets
    .filter(s => s.length > 0)
    .reduce((acc, secret) => acc.split(secret).join('***'), text);
}

/**
 * Runs the git CLI with an argv array (never a shell string), non-interactively:
 * a missing credential fails fast instead of waiting for a prompt.
 * Resolves with stdout.
 */
export function runGit(
  args: string[],
  options: RunGitOptions = {},
): Promise<string> {
  const redact = options.redact ?? [];
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd: options.cwd,
        env: {
          ...process.env,
          GIT_TERMINAL_PROMPT: '0',
          GIT_ASKPASS: '',
          SSH_ASKPASS: '',
          LC_ALL: 'C',
          ...options.env,
        },
        maxBuffer: 256 * 1024 * 1024,
        signal: options.signal,
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (error) {
          const code = typeof error.code === 'number' ? error.code : undefined;
          const message = stderr || error.message;
          reject(
            new GitCommandError(
              args.map(a => redactAll(a, redact)),
              redactAll(message, redact),
              code,
            ),
          );
          return;
        }
        resolve(stdout);
      },
    );
  });
}
