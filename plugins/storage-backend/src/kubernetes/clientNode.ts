/**
 * `@kubernetes/client-node` is ESM-only. This CommonJS package loads it with a
 * native dynamic import (kept as-is by the Backstage build and by Jest with
 * --experimental-vm-modules); types are imported statically and erased.
 */
export type ClientNode = typeof import('@kubernetes/client-node');

let clientNode: Promise<ClientNode> | undefined;

export function loadClientNode(): Promise<ClientNode> {
  clientNode ??= import('@kubernetes/client-node');
  return clientNode;
}
