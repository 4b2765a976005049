import { InvalidObjectError } from '../kube/objects';
import type { EvidenceIndex } from './evidenceIndex';
import { projectObject } from './projectObject';
import { projectDataUpload, projectPodVolumeBackup } from './projectVelero';
import { resourceKindOf, type ResourceKind } from './resourceKinds';
import { identityOf, UidIndex } from './uidIndex';

/*
 * Reading a relist: every object is checked before the state changes, so a
 * malformed one is refused (its reason kept for the kind's skipped count)
 * or, in strict mode, throws while the state is still as it was. Objects of
 * other kinds are ignored.
 */

function refuse(error: unknown, strict: boolean, refused: string[]): void {
  if (strict || !(error instanceof InvalidObjectError)) throw error;
  refused.push(error.message);
}

/** The valid objects of a kind, duplicates by uid resolved; the rest refused. */
export function validObjects(
  kind: ResourceKind,
  objects: Iterable<unknown>,
  strict: boolean,
  refused: string[],
): unknown[] {
  const byKey = new Map<string, unknown>();
  const uids = new UidIndex();
  for (const object of objects) {
    if (resourceKindOf(object) !== kind) continue;
    try {
      projectObject(kind, object);
    } catch (error) {
      refuse(error, strict, refused);
      continue;
    }
    const identity = identityOf(object);
    const decision = uids.check(identity);
    if (!decision.accept) {
      refused.push(`${identity.key}: uid held by a newer object`);
      continue;
    }
    if (decision.displaced !== undefined) {
      byKey.delete(decision.displaced);
      refused.push(`${decision.displaced}: uid held by a newer object`);
    }
    uids.record(identity);
    byKey.set(identity.key, object);
  }
  return [...byKey.values()];
}

/**
 * Folds one relisted PodVolumeBackup (`kind` PodVolumeBackup) or DataUpload
 * into the evidence that will replace the current one.
 */
export function foldRelisted(
  kind: ResourceKind,
  object: unknown,
  into: EvidenceIndex,
  strict: boolean,
  refused: string[],
): void {
  if (resourceKindOf(object) !== kind) return;
  let projected;
  try {
    projected =
      kind === 'PodVolumeBackup'
        ? projectPodVolumeBackup(object)
        : projectDataUpload(object);
  } catch (error) {
    refuse(error, strict, refused);
    return;
  }
  if (projected) into.apply(projected, false);
}
