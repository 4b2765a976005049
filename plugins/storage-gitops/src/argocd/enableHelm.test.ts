import { withEnableHelm } from './enableHelm';

describe('withEnableHelm', () => {
  it.each([
    [undefined, '--enable-helm'],
    ['', '--enable-helm'],
    ['--enable-helm', '--enable-helm'],
    [
      '--load-restrictor LoadRestrictionsNone',
      '--load-restrictor LoadRestrictionsNone --enable-helm',
    ],
    [
      '--enable-helm  --load-restrictor LoadRestrictionsNone',
      '--enable-helm --load-restrictor LoadRestrictionsNone',
    ],
  ])('%j → %j', (options, expected) => {
    expect(withEnableHelm(options)).toBe(expected);
  });
});
