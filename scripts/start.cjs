#!/usr/bin/env node
/*
 * `yarn start` and `yarn start:live`: check that the two ports are free, then
 * run `backstage-cli repo start`. Ports come from APP_PORT (frontend, 3000)
 * and BACKEND_PORT (backend, 7007), which app-config.yaml reads too.
 *   --live   read the demo cluster from `yarn fake-cluster` (adds
 *            app-config.fake-cluster.yaml; app-config.local.yaml still read)
 *   --print  print the command instead of running it
 * Other arguments go to `backstage-cli repo start`.
 */
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function port(name, fallback) {
  const text = process.env[name] ?? String(fallback);
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    fail(`${name} must be a port number from 1 to 65535, not "${text}".`);
  }
  return value;
}

function fail(sentence) {
  process.stderr.write(`yarn start: ${sentence}\n`);
  process.exit(1);
}

/** The config files for `backstage-cli repo start --config …`. */
function configArgs(argv) {
  if (!argv.includes('--live')) return [];
  // Absolute paths: relative ones resolve from each package's folder, and
  // with any --config the CLI no longer reads app-config.local.yaml itself.
  const files = [
    'app-config.yaml',
    'app-config.fake-cluster.yaml',
    'app-config.local.yaml',
  ];
  return files
    .map(file => path.join(root, file))
    .filter(file => fs.existsSync(file))
    .flatMap(file => ['--config', file]);
}

/** Resolves to a sentence when something listens on the port, else undefined. */
function busy(portNumber) {
  const listens = host =>
    new Promise(resolve => {
      const server = net.createServer();
      server.once('error', error => resolve(error.code === 'EADDRINUSE'));
      server.listen({ port: portNumber, host, exclusive: true }, () =>
        server.close(() => resolve(false)),
      );
    });
  const answers = host =>
    new Promise(resolve => {
      const socket = net.connect({ port: portNumber, host });
      socket.setTimeout(1000);
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('timeout', () => (socket.destroy(), resolve(false)));
      socket.once('error', () => resolve(false));
    });
  return Promise.all([
    listens('127.0.0.1'),
    answers('127.0.0.1'),
    answers('::1'),
  ]).then(r => r.some(Boolean));
}

async function main() {
  const argv = process.argv.slice(2);
  const appPort = port('APP_PORT', 3000);
  const backendPort = port('BACKEND_PORT', 7007);
  if (appPort === backendPort)
    fail(`APP_PORT and BACKEND_PORT are both ${appPort}; they need two ports.`);
  const args = [
    'repo',
    'start',
    ...configArgs(argv),
    ...argv.filter(a => a !== '--live' && a !== '--print'),
  ];
  if (argv.includes('--print')) {
    process.stdout.write(
      `${JSON.stringify({
        appPort,
        backendPort,
        command: ['backstage-cli', ...args],
      })}\n`,
    );
    return;
  }
  for (const [what, variable, value] of [
    ['frontend', 'APP_PORT', appPort],
    ['backend', 'BACKEND_PORT', backendPort],
  ]) {
    if (await busy(value)) {
      fail(
        `port ${value} (the ${what}) is already in use, perhaps by another Backstage; stop that process ` +
          `or choose free ports, e.g. APP_PORT=${appPort + 1} BACKEND_PORT=${
            backendPort + 1
          } yarn start.`,
      );
    }
  }
  const child = spawn('backstage-cli', args, { stdio: 'inherit', cwd: root });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(signal, () => child.kill(signal));
  child.on('error', error =>
    fail(
      `could not run backstage-cli (${error.message}); run yarn install first.`,
    ),
  );
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main();
