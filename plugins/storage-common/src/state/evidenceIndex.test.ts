import * as k from '../testing/objects';
import { EVIDENCE_DEPTH } from './evidence';
import { EvidenceIndex } from './evidenceIndex';
import { projectClaim, projectPod } from './projectCore';
import { projectDataUpload, projectPodVolumeBackup } from './projectVelero';

const pvb = (o: Parameters<typeof k.pvb>[0]) =>
  projectPodVolumeBackup(k.pvb(o))!;
const upload = (o: Parameters<typeof k.dataUpload>[0]) =>
  projectDataUpload(k.dataUpload(o))!;

describe('EvidenceIndex', () => {
  it('tells whether a fold or a delete changed the history', () => {
    const index = new EvidenceIndex();
    for (let i = 0; i < EVIDENCE_DEPTH; i++) {
      const at = k.hoursAgo(i);
      expect(
        index.apply(
          pvb({ backup: `new-${i}`, started: at, completed: at }),
          false,
        ),
      ).toBe(true);
    }
    const old = k.hoursAgo(100);
    expect(
      index.apply(pvb({ backup: 'old', started: old, completed: old }), false),
    ).toBe(false);
    expect(index.apply(pvb({ backup: 'never-folded' }), true)).toBe(false);
    expect(index.counts()).toEqual({
      evidenceEntries: 2 * EVIDENCE_DEPTH,
      volumesWithEvidence: 1,
    });
  });

  it('drops a volume once its last copy is deleted', () => {
    const index = new EvidenceIndex();
    index.apply(pvb({ backup: 'daily-1' }), false);
    expect(index.apply(pvb({ backup: 'daily-1' }), true)).toBe(true);
    expect(index.counts()).toEqual({
      evidenceEntries: 0,
      volumesWithEvidence: 0,
    });
  });

  it('without(method) copies the other methods and leaves itself as it was', () => {
    const index = new EvidenceIndex();
    index.apply(pvb({ backup: 'fs-1' }), false);
    index.apply(upload({ backup: 'dm-1', pvcUid: 'uid-app-other' }), false);
    const fresh = index.without('fs-backup');
    expect(fresh.counts()).toEqual({
      evidenceEntries: 2,
      volumesWithEvidence: 1,
    });
    fresh.apply(upload({ backup: 'dm-2', pvcUid: 'uid-app-other' }), false);
    expect(index.counts()).toEqual({
      evidenceEntries: 4,
      volumesWithEvidence: 2,
    });
  });

  it("reads a claim's copies by uid, claim name and pod volume; by name only those made after it was created", () => {
    const index = new EvidenceIndex();
    const claim = projectClaim(k.pvc({ created: k.hoursAgo(10) }));
    index.apply(pvb({ backup: 'by-uid', started: k.hoursAgo(20) }), false);
    index.apply(
      pvb({ backup: 'by-pod', pvcUid: null, started: k.hoursAgo(2) }),
      false,
    );
    index.apply(
      pvb({ backup: 'by-pod-before', pvcUid: null, started: k.hoursAgo(12) }),
      false,
    );
    index.apply(
      upload({ backup: 'by-name', pvcUid: null, started: k.hoursAgo(1) }),
      false,
    );
    const evidence = index.forClaim(claim, 'app/data', [projectPod(k.pod())]);
    expect(evidence.recent.map(e => e.backup)).toEqual([
      'by-name',
      'by-pod',
      'by-uid',
    ]);
  });
});
