import {
  buildSnapshotState,
  RESOURCE_KIND_INFO,
  shiftTimestamps,
} from '@gitops-storage/plugin-storage-common';
import { readSnapshotDocuments } from '@gitops-storage/plugin-storage-common/node';
import path from 'node:path';
import { FakeKubeApiServer } from './FakeKubeApiServer';
import { InMemoryResourceStore } from './InMemoryResourceStore';
import { writeKubeconfig } from './kubeconfig';
import { loadObjects } from './loadObjects';

const USAGE = `Usage: fake-kube-apiserver --snapshot DIR [--kubeconfig FILE] [--port N] [--no-time-shift]

Serves a cluster snapshot over the Kubernetes list/watch protocol on
127.0.0.1, and writes a kubeconfig whose context (named after the snapshot
directory) points at it. Times are shifted so the snapshot's capturedAt is now.`;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const UNREADABLE_STATUS = { forbidden: 403, absent: 404, error: 500 };

async function main() {
  const snapshot = arg('--snapshot');
  if (!snapshot || process.argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(snapshot ? 0 : 2);
  }
  const kubeconfig = path.resolve(
    arg('--kubeconfig') ?? '.data/fake-cluster/kubeconfig',
  );
  const name = path.basename(path.resolve(snapshot));
  const { documents } = await readSnapshotDocuments(snapshot);
  const timeShift = !process.argv.includes('--no-time-shift');
  const { shiftedByMs, manifest } = buildSnapshotState(documents, {
    timeShift,
  });
  const store = new InMemoryResourceStore();
  const count = loadObjects(
    store,
    documents.map(d => shiftTimestamps(d.object, shiftedByMs)),
  );
  const server = await FakeKubeApiServer.start({
    store,
    port: Number(arg('--port') ?? 0),
    bookmarkIntervalMs: 30_000,
  });
  // Kinds the snapshot could not read are served the same way: forbidden
  // kinds answer 403, absent ones 404, so live verdicts match the snapshot's.
  for (const { kind, status, message } of manifest?.resources ?? []) {
    if (status === 'readable') continue;
    server.addFault({
      resource: RESOURCE_KIND_INFO[kind].plural,
      status: UNREADABLE_STATUS[status],
      message: message ?? `${kind} is ${status}`,
    });
  }
  writeKubeconfig(kubeconfig, [{ name, server: server.url }]);
  process.stdout.write(
    `serving ${count} objects of ${name} on ${server.url}\nkubeconfig: ${kubeconfig} (context ${name})\n`,
  );
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(error => {
  process.stderr.write(
    `fake-kube-apiserver: ${error instanceof Error ? error.message : error}\n`,
  );
  process.exit(1);
});
