import { parseQuantity } from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['50Gi', 50 * 2 ** 30],
    ['1Ti', 2 ** 40],
    ['512Mi', 512 * 2 ** 20],
    ['100Ki', 102400],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['10G', 10e9],
    ['500M', 500e6],
    ['2k', 2000],
    ['1e9', 1e9],
    ['1E3', 1000],
    ['1024', 1024],
    ['500m', 0.5],
    [' 8Gi ', 8 * 2 ** 30],
  ])('reads %s', (text, bytes) => {
    expect(parseQuantity(text)).toBeCloseTo(bytes, 6);
  });

  it.each([['Gi'], ['10 Gi'], ['10GB'], ['ten'], ['']])('rejects %j', text => {
    expect(parseQuantity(text)).toBeUndefined();
  });

  it('rejects a missing value', () => {
    expect(parseQuantity(undefined)).toBeUndefined();
  });
});
