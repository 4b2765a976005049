import { ConfigReader } from '@backstage/config';
import { readHistoryConfig } from './historyConfig';

const demo = [{ name: 'demo', type: 'snapshot', path: 'x', timeShift: true }];
const live = [{ name: 'prod', url: 'https://k8s' }];

describe('readHistoryConfig', () => {
  it('defaults: enabled, 400 days, every 5 minutes, seeded only for the demo', () => {
    expect(
      readHistoryConfig(new ConfigReader({ storage: { clusters: live } })),
    ).toEqual({
      enabled: true,
      retentionDays: 400,
      recordEverySeconds: 300,
      seedDemo: false,
    });
    expect(
      readHistoryConfig(new ConfigReader({ storage: { clusters: demo } }))
        .seedDemo,
    ).toBe(true);
  });

  it('reads durations as objects or ISO 8601', () => {
    const config = readHistoryConfig(
      new ConfigReader({
        storage: {
          history: { retention: { days: 30 }, recordEvery: 'PT1M' },
        },
      }),
    );
    expect(config).toMatchObject({ retentionDays: 30, recordEverySeconds: 60 });
    expect(
      readHistoryConfig(
        new ConfigReader({ storage: { history: { retention: 'P1Y' } } }),
      ).retentionDays,
    ).toBeCloseTo(365.25, 0);
  });

  it('refuses bad values with the key', () => {
    expect(() =>
      readHistoryConfig(
        new ConfigReader({ storage: { history: { retention: 'often' } } }),
      ),
    ).toThrow(/storage.history.retention/);
    expect(() =>
      readHistoryConfig(
        new ConfigReader({ storage: { history: { retention: { hours: 2 } } } }),
      ),
    ).toThrow(/at least one day/);
    expect(() =>
      readHistoryConfig(
        new ConfigReader({
          storage: { clusters: live, history: { seedDemo: true } },
        }),
      ),
    ).toThrow(/only allowed when every cluster is a time-shifted snapshot/);
  });
});
