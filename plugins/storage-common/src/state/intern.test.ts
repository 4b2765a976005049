import { createInterner } from './intern';

describe('createInterner', () => {
  it('returns the first copy of equal strings, within a bounded pool', () => {
    const intern = createInterner(2);
    const first = intern(['back', 'up'].join(''));
    expect(intern('backup')).toBe(first);
    intern('a');
    intern('b'); // the pool was full: starts over
    expect(intern('backup')).toBe('backup');
  });
});
