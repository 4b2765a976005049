import type { Config } from '@backstage/config';
import type { NotificationSeverity } from '@backstage/plugin-notifications-common';

/** What a notification is about: a verdict a volume turned to, or its recovery. */
export type NotificationKind = 'failing' | 'unprotected' | 'stale' | 'resolved';

/** `storage.notifications`, read and checked (see config.d.ts). */
export interface NotificationConfig {
  enabled: boolean;
  severity: Record<NotificationKind, NotificationSeverity>;
}

export const DEFAULT_SEVERITY: Readonly<
  Record<NotificationKind, NotificationSeverity>
> = {
  unprotected: 'high',
  failing: 'high',
  stale: 'normal',
  resolved: 'low',
};

const SEVERITIES: readonly NotificationSeverity[] = [
  'critical',
  'high',
  'normal',
  'low',
];

/** The entity annotation that turns storage notifications off for an entity. */
export const NOTIFICATIONS_ANNOTATION =
  'gitops-storage.dev/storage-notifications';

/**
 * Reads `storage.notifications`. On by default (they need the notifications
 * backend plugin; without it sending fails and is logged). A bad severity
 * stops the backend with the key's path.
 */
export function readNotificationConfig(config: Config): NotificationConfig {
  const section = config.getOptionalConfig('storage.notifications');
  const severity = { ...DEFAULT_SEVERITY };
  const given = section?.getOptionalConfig('severity');
  for (const kind of Object.keys(DEFAULT_SEVERITY) as NotificationKind[]) {
    const value = given?.getOptionalString(kind);
    if (value === undefined) continue;
    if (!SEVERITIES.includes(value as NotificationSeverity)) {
      throw new Error(
        `storage.notifications.severity.${kind} must be one of ${SEVERITIES.join(
          ', ',
        )}, not "${value}"`,
      );
    }
    severity[kind] = value as NotificationSeverity;
  }
  return { enabled: section?.getOptionalBoolean('enabled') ?? true, severity };
}
