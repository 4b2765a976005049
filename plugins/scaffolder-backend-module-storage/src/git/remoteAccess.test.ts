import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { assertRemoteAllowed, isLocalOnlyAddress } from './remoteAccess';
import { parseRepoLocation } from './repoUrl';

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      gitlab: [
        {
          host: 'gitlab.corp.example',
          apiBaseUrl: 'https://gitlab.corp.example/api/v4',
          token: 't',
        },
      ],
    },
  }),
);

const check =
  (url: string, allowedHosts: string[] = []) =>
  () =>
    assertRemoteAllowed(parseRepoLocation(url), { allowedHosts, integrations });

describe('assertRemoteAllowed', () => {
  it('allows integration hosts (github.com is built in) and listed hosts', () => {
    expect(check('https://github.com/acme/gitops')).not.toThrow();
    expect(check('git@gitlab.corp.example:platform/gitops.git')).not.toThrow();
    expect(
      check('ssh://git@gitea.internal:2222/p/g.git', ['gitea.internal']),
    ).not.toThrow();
    expect(
      check('https://git.corp:8443/p/g.git', ['git.corp:8443']),
    ).not.toThrow();
  });

  it('refuses any other host', () => {
    expect(check('https://attacker.example/p/g.git')).toThrow(
      /Host 'attacker.example' is not a configured git host/,
    );
    expect(check('http://10.0.0.5:8080/p/g.git')).toThrow(
      /not a configured git host/,
    );
  });

  it.each([
    'http://127.0.0.1:2375/x/y.git',
    'http://localhost:7007/api/x.git',
    'http://[::1]:22/x/y.git',
    'http://169.254.169.254/latest/meta-data.git',
    'ssh://git@[fe80::1]/x/y.git',
    'http://0.0.0.0:6443/x/y.git',
  ])('refuses the loopback or link-local address of %s unless listed', url => {
    expect(check(url)).toThrow(/loopback or link-local address/);
  });

  it('allows a loopback host only when allowedHosts names it', () => {
    expect(
      check('http://127.0.0.1:3000/p/g.git', ['127.0.0.1:3000']),
    ).not.toThrow();
  });

  it('knows which addresses are this machine or link-local', () => {
    expect(
      ['127.1.2.3', '::ffff:127.0.0.1', 'foo.localhost', '169.254.1.1'].every(
        isLocalOnlyAddress,
      ),
    ).toBe(true);
    expect(
      ['10.1.2.3', 'github.com', '2001:db8::1'].some(isLocalOnlyAddress),
    ).toBe(false);
  });
});

describe('parseRepoLocation', () => {
  it('refuses a password in an ssh URL', () => {
    expect(() =>
      parseRepoLocation('ssh://git:hunter2@github.com/acme/gitops.git'),
    ).toThrow(/must not contain a password/);
  });
});
