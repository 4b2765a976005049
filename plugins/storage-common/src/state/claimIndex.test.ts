import * as k from '../testing/objects';
import { readBackupScope } from '../velero/backupSpec';
import { ClaimIndex } from './claimIndex';
import { projectClaim } from './projectCore';

const claim = (o: k.ClaimOptions) => projectClaim(k.pvc(o));

describe('ClaimIndex', () => {
  it('keeps a uid and a volume with the claim that holds them now', () => {
    const index = new ClaimIndex();
    index.set(claim({ name: 'a', uid: 'same', volume: 'pv-1' }), false);
    index.set(claim({ name: 'b', uid: 'same', volume: 'pv-1' }), false);
    index.set(claim({ name: 'a', uid: 'same', volume: 'pv-1' }), true);
    expect(index.keyByUid('same')).toBe('app/b');
    expect(index.keyByVolume('pv-1')).toBe('app/b');
    expect([...index.inNamespace('app')]).toEqual(['app/b']);
  });

  it('forgets a namespace with its last claim', () => {
    const index = new ClaimIndex();
    index.set(claim({ namespace: 'team', name: 'a' }), false);
    index.set(claim({ namespace: 'team', name: 'a' }), true);
    expect([...index.namespaces()]).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('finds the claims of the namespaces a scope includes, and only existing keys', () => {
    const index = new ClaimIndex();
    index.set(claim({ namespace: 'team-a', name: 'x' }), false);
    index.set(claim({ namespace: 'team-b', name: 'y' }), false);
    const scope = readBackupScope({ includedNamespaces: ['team-a'] });
    expect([...index.inScope([undefined, scope])]).toEqual(['team-a/x']);
    expect([
      ...index.inScope([readBackupScope({ excludedNamespaces: ['team-a'] })]),
    ]).toEqual(['team-b/y']);
    expect([...index.existing(['team-b/y', undefined, 'gone/z'])]).toEqual([
      'team-b/y',
    ]);
  });
});
