import http from 'node:http';
import { timedGet, timedRequest } from '../client/httpGet';

/** The bench's own light requests to the backend (polling, checks). */
export class ApiClient {
  #agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

  constructor(readonly baseUrl: string) {}

  async get<T>(path: string): Promise<{ body: T; ms: number }> {
    const res = await timedGet(this.#agent, `${this.baseUrl}${path}`);
    if (res.status !== 200) {
      throw new Error(
        `GET ${path}: ${res.status} ${res.body.toString().slice(0, 300)}`,
      );
    }
    return { body: JSON.parse(res.body.toString()) as T, ms: res.ms };
  }

  async post<T>(
    path: string,
    body: unknown,
  ): Promise<{ body: T; ms: number; bytes: number }> {
    const res = await timedRequest(
      this.#agent,
      `${this.baseUrl}${path}`,
      JSON.stringify(body),
    );
    if (res.status !== 200) {
      throw new Error(
        `POST ${path}: ${res.status} ${res.body.toString().slice(0, 300)}`,
      );
    }
    return {
      body: JSON.parse(res.body.toString()) as T,
      ms: res.ms,
      bytes: res.bytes,
    };
  }

  close(): void {
    this.#agent.destroy();
  }
}
