import http from 'node:http';

/** One GET over a keep-alive agent: status, body size and time taken (ms). */
export function timedGet(
  agent: http.Agent,
  url: string,
): Promise<{ status: number; bytes: number; ms: number; body: Buffer }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, res => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          bytes: body.length,
          ms: performance.now() - started,
          body,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}
