import { createServer, type Server } from 'node:net';
import { describeStartupFailure } from './startupFailure';

function listen(server: Server, port: number): Promise<unknown> {
  return new Promise(resolve => {
    server.once('error', resolve);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
}

describe('describeStartupFailure', () => {
  it('names the busy port of a real EADDRINUSE, also when wrapped', async () => {
    const first = createServer();
    await listen(first, 0);
    const port = (first.address() as { port: number }).port;
    const second = createServer();
    const error = await listen(second, port);
    first.close();
    expect((error as { code?: string }).code).toBe('EADDRINUSE');

    const wrapped = new Error('Plugin startup failed', { cause: error });
    for (const failure of [error, wrapped]) {
      const sentence = describeStartupFailure(failure);
      expect(sentence).toContain(`port ${port} is already in use`);
      expect(sentence).toContain('BACKEND_PORT=');
    }
  });

  it('passes other errors through with their message', () => {
    expect(describeStartupFailure(new Error('boom'))).toBe(
      'The backend could not start: boom',
    );
  });
});
