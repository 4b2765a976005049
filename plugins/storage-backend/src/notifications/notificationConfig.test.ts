import { ConfigReader } from '@backstage/config';
import { DEFAULT_SEVERITY, readNotificationConfig } from './notificationConfig';

describe('readNotificationConfig', () => {
  it('is on with the default severities when absent', () => {
    expect(readNotificationConfig(new ConfigReader({}))).toEqual({
      enabled: true,
      severity: DEFAULT_SEVERITY,
    });
  });

  it('reads enabled and per-kind severities', () => {
    expect(
      readNotificationConfig(
        new ConfigReader({
          storage: {
            notifications: { enabled: false, severity: { stale: 'low' } },
          },
        }),
      ),
    ).toEqual({
      enabled: false,
      severity: { ...DEFAULT_SEVERITY, stale: 'low' },
    });
  });

  it('refuses an unknown severity, naming the key', () => {
    expect(() =>
      readNotificationConfig(
        new ConfigReader({
          storage: { notifications: { severity: { failing: 'urgent' } } },
        }),
      ),
    ).toThrow(
      /storage\.notifications\.severity\.failing must be one of critical, high, normal, low/,
    );
  });
});
