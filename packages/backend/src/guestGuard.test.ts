import { ConfigReader } from '@backstage/config';
import type { JsonValue } from '@backstage/types';
import { guestExposure, listenHost } from './guestGuard';

const withGuest = (listen: JsonValue, guest: JsonValue = {}) =>
  new ConfigReader({ backend: { listen }, auth: { providers: { guest } } });

describe('guestExposure', () => {
  it.each(['127.0.0.1', 'localhost', '::1', '127.0.1.1'])(
    'allows guest sign-in on loopback %s',
    host => {
      expect(guestExposure(withGuest({ port: 7007, host }))).toBeUndefined();
    },
  );

  it.each([
    [{ port: 7007 }, 'every network interface'],
    [':7007', 'every network interface'],
    [{ port: 7007, host: '0.0.0.0' }, '0.0.0.0'],
    ['10.1.2.3:7007', '10.1.2.3'],
  ])('refuses guest sign-in when listening on %j', (listen, where) => {
    const problem = guestExposure(withGuest(listen));
    expect(problem).toContain(where);
    expect(problem).toContain('backend.listen.host');
  });

  it('allows any interface without guest sign-in, or when explicitly allowed', () => {
    expect(
      guestExposure(new ConfigReader({ backend: { listen: ':7007' } })),
    ).toBeUndefined();
    expect(
      guestExposure(
        withGuest(':7007', { dangerouslyAllowOutsideDevelopment: true }),
      ),
    ).toBeUndefined();
  });

  it('reads the embedded default host', () => {
    expect(listenHost(withGuest({ port: '7007', host: '127.0.0.1' }))).toBe(
      '127.0.0.1',
    );
    expect(listenHost(withGuest('localhost:7007'))).toBe('localhost');
  });
});
