import type { HistoryResponse } from '@gitops-storage/plugin-storage-common';
import type { ApiClient } from './apiClient';

/**
 * Waits until the history's first recording after the sync holds every
 * claim (GET /history?days=1 counts them all for today), polling every
 * 250 ms. Returns how long that took from `since` (ms).
 */
export async function waitForFirstRecording(
  api: ApiClient,
  claims: number,
  since: number,
  timeoutMs: number,
): Promise<number> {
  for (;;) {
    const { body } = await api.get<HistoryResponse>(
      '/api/storage/history?days=1',
    );
    if (body.series.some(point => point.total === claims)) {
      return performance.now() - since;
    }
    if (performance.now() - since > timeoutMs) {
      throw new Error(
        `the first history recording did not hold ${claims} volumes within ${timeoutMs} ms`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}
