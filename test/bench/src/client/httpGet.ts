import http from 'node:http';

export interface TimedResponse {
  status: number;
  bytes: number;
  ms: number;
  body: Buffer;
}

/**
 * One request over a keep-alive agent: status, body size and time taken to
 * the last body byte (ms). A `body` makes it a JSON POST.
 */
export function timedRequest(
  agent: http.Agent,
  url: string,
  body?: string,
): Promise<TimedResponse> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      body === undefined
        ? { agent }
        : {
            agent,
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const data = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            bytes: data.length,
            ms: performance.now() - started,
            body: data,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** One GET over a keep-alive agent (see timedRequest). */
export function timedGet(
  agent: http.Agent,
  url: string,
): Promise<TimedResponse> {
  return timedRequest(agent, url);
}
