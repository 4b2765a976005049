/**
 * Text that came from a cluster (a BackupStorageLocation's message) made
 * fit for clients: control characters removed, URLs and IP addresses
 * replaced (they name internal endpoints), and a length cap.
 */
export function publicText(text: string | undefined, max = 300) {
  if (!text) return undefined;
  const cleaned = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '<url>')
    .replace(/\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b/g, '<address>')
    .trim();
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}
