import { forcesRelist, goesBackwards, readWatchEvent } from './watchEvents';

describe('readWatchEvent', () => {
  const meta = { name: 'a', resourceVersion: '12' };

  it('reads events and bookmarks with a resourceVersion', () => {
    expect(readWatchEvent('ADDED', { metadata: meta })).toMatchObject({
      kind: 'upsert',
      version: '12',
    });
    expect(readWatchEvent('DELETED', { metadata: meta })).toMatchObject({
      kind: 'remove',
    });
    expect(
      readWatchEvent('BOOKMARK', { metadata: { resourceVersion: '13' } }),
    ).toEqual({ kind: 'bookmark', version: '13' });
  });

  it.each([
    ['', undefined],
    ['SURPRISE', { metadata: meta }],
    ['ADDED', 'not an object'],
    ['ADDED', { metadata: null }],
    ['MODIFIED', { metadata: { name: 'a' } }],
    ['ADDED', { metadata: { resourceVersion: '3' } }],
    ['BOOKMARK', { metadata: {} }],
  ])('refuses %s %j (it must refresh nothing)', (type, object) => {
    expect(readWatchEvent(type, object).kind).toBe('invalid');
  });

  it('reads ERROR events as the Status they carry', () => {
    expect(
      readWatchEvent('ERROR', {
        code: 410,
        message: 'too old resource version',
      }),
    ).toEqual({
      kind: 'error',
      code: 410,
      message: 'too old resource version',
    });
  });
});

describe('relist triggers', () => {
  it('410, 504 and "too large resource version" force a relist; 500 does not', () => {
    expect(forcesRelist(410, 'gone')).toBe(true);
    expect(forcesRelist(504, 'Timeout')).toBe(true);
    expect(
      forcesRelist(undefined, 'Too large resource version: 90, current: 12'),
    ).toBe(true);
    expect(forcesRelist(500, 'internal error')).toBe(false);
  });

  it('detects a resourceVersion that goes backwards (etcd revisions)', () => {
    expect(goesBackwards('100', '99')).toBe(true);
    expect(goesBackwards('100', '1000')).toBe(false);
    expect(goesBackwards('99', '100')).toBe(false);
    expect(goesBackwards('100', '100')).toBe(false);
    // Opaque versions are never compared.
    expect(goesBackwards('abc', '1')).toBe(false);
  });
});
