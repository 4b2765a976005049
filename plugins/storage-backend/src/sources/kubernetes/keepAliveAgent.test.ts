import http from 'node:http';
import https from 'node:https';
import { createAgentReuser } from './keepAliveAgent';

describe('createAgentReuser', () => {
  it('keeps one keep-alive agent while the TLS settings stay the same', () => {
    const reuse = createAgentReuser();
    const first = reuse(
      new https.Agent({ ca: 'CA', rejectUnauthorized: true }),
    ) as https.Agent;
    const second = reuse(
      new https.Agent({ ca: 'CA', rejectUnauthorized: true }),
    );
    expect(second).toBe(first);
    expect(first).toBeInstanceOf(https.Agent);
    expect((first as unknown as { keepAlive: boolean }).keepAlive).toBe(true);
    expect(first.options.ca).toBe('CA');
  });

  it.each([
    ['a rotated client certificate', { cert: 'new' }],
    ['another CA', { ca: 'other' }],
    ['TLS verification turned off', { rejectUnauthorized: false }],
  ])('makes a new agent for %s', (_, change) => {
    const reuse = createAgentReuser();
    const first = reuse(new https.Agent({ ca: 'CA', cert: 'old' }));
    expect(
      reuse(new https.Agent({ ca: 'CA', cert: 'old', ...change })),
    ).not.toBe(first);
  });

  it('keeps plain HTTP agents too (clusters with skipTLSVerify on http://)', () => {
    const reuse = createAgentReuser();
    const agent = reuse(new http.Agent());
    expect(agent).toBeInstanceOf(http.Agent);
    expect(agent).not.toBeInstanceOf(https.Agent);
    expect(reuse(new http.Agent())).toBe(agent);
  });

  it('passes proxy agents and anything else through as they are', () => {
    class ProxyAgent extends https.Agent {}
    const reuse = createAgentReuser();
    const proxy = new ProxyAgent();
    expect(reuse(proxy)).toBe(proxy);
    expect(reuse(undefined)).toBeUndefined();
  });
});
