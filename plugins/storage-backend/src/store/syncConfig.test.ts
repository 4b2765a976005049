import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { readSyncConfig, SYNC_DEFAULTS } from './syncConfig';
import { warnInsecureClusters } from './warnInsecureClusters';

describe('storage.sync', () => {
  it('applies the defaults', () => {
    expect(readSyncConfig(new ConfigReader({}))).toMatchObject(SYNC_DEFAULTS);
  });

  it('reads the settings and refuses non-positive ones', () => {
    const sync = readSyncConfig(
      new ConfigReader({
        storage: {
          sync: {
            staleAfterSeconds: 20,
            requestTimeoutSeconds: 5,
            watchIdleSeconds: 30,
            maxMessageBytes: 1024,
          },
        },
      }),
    );
    expect(sync).toMatchObject({
      staleAfterSeconds: 20,
      requestTimeoutSeconds: 5,
      watchIdleSeconds: 30,
      maxMessageBytes: 1024,
    });
    expect(() =>
      readSyncConfig(
        new ConfigReader({ storage: { sync: { staleAfterSeconds: 0 } } }),
      ),
    ).toThrow(/staleAfterSeconds must be a positive number/);
  });
});

describe('warnInsecureClusters', () => {
  it('warns about skipTLSVerify and http:// clusters, naming no credentials', () => {
    const logger = mockServices.logger.mock();
    warnInsecureClusters(
      [
        {
          type: 'kubernetes',
          name: 'lab',
          url: 'http://10.0.0.1:6443',
          auth: { type: 'serviceAccount', token: 'secret-token' },
          skipTLSVerify: true,
        },
        {
          type: 'kubernetes',
          name: 'prod',
          url: 'https://prod:6443',
          auth: { type: 'serviceAccount', token: 'secret-token' },
        },
        { type: 'snapshot', name: 'demo', path: '.' },
      ],
      logger,
    );
    const messages = logger.warn.mock.calls.map(c => String(c[0]));
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/cluster lab has skipTLSVerify: true/);
    expect(messages[1]).toMatch(/cluster lab is read over plain http/);
    expect(messages.join()).not.toContain('secret-token');
  });
});
