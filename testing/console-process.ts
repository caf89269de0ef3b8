/** Test support: runs testing/console-core.ts as a child process on a given configuration file. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ConsoleProcess {
  child: ChildProcess;
  /** What it printed (its pino lines), for a failing test to show. */
  output(): string;
  /** SIGKILL, as a crash or an OOM kill would: nothing is flushed or closed. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after a few seconds. */
  stop(): Promise<void>;
}

export function startConsoleCore(configFile: string, logLevel = 'info'): ConsoleProcess {
  const child = spawn('npx', ['tsx', '--conditions=react-server', 'testing/console-core.ts'], {
    env: { ...process.env, RINGSIDE_CONFIG: configFile, RINGSIDE_LOG_LEVEL: logLevel },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: npx → tsx → node all die together.
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, name);
    } catch {
      // Already gone.
    }
  };
  return {
    child,
    output: () => output,
    kill: async () => {
      signal('SIGKILL');
      await exited;
    },
    stop: async () => {
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      // npx and tsx may exit before the console under them: whatever is left of the group goes too.
      signal('SIGKILL');
    },
  };
}
