import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { branchesOf } from './gitTestRepos';

/** A request the fake GitLab received. */
export interface GitlabCall {
  method: string;
  path: string;
  token?: string;
  body?: Record<string, unknown>;
}

/**
 * The two GitLab REST endpoints publish:gitlab:merge-request uses when the
 * branch is already pushed (commitAction skip): show a branch and create a
 * merge request. Branches are those of a real bare repository, so the test
 * sees whether the branch was really pushed before the merge request.
 */
export async function startFakeGitlabApi(options: {
  project: string;
  bareRepo: string;
}): Promise<{ baseUrl: string; calls: GitlabCall[]; close(): Promise<void> }> {
  const calls: GitlabCall[] = [];
  const projectPath = `/api/v4/projects/${encodeURIComponent(options.project)}`;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', chunk => (raw += chunk));
    req.on('end', async () => {
      const path = decodeURI(req.url ?? '').split('?')[0];
      const call: GitlabCall = {
        method: req.method ?? '',
        path,
        token: req.headers['private-token'] as string | undefined,
        body: raw ? JSON.parse(raw) : undefined,
      };
      calls.push(call);
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const url = req.url ?? '';
      const branches = await branchesOf(options.bareRepo);
      const branchPrefix = `${projectPath}/repository/branches/`;
      if (req.method === 'GET' && url.startsWith(branchPrefix)) {
        const name = decodeURIComponent(url.slice(branchPrefix.length));
        if (!branches[name])
          return send(404, { message: '404 Branch Not Found' });
        return send(200, {
          name,
          commit: { id: branches[name] },
          web_url: `https://gitlab.example.com/${options.project}/-/tree/${name}`,
        });
      }
      if (req.method === 'POST' && url === `${projectPath}/merge_requests`) {
        const source = String(call.body?.source_branch);
        if (!branches[source])
          return send(400, { message: 'source branch does not exist' });
        return send(201, {
          iid: 7,
          web_url: `https://gitlab.example.com/${options.project}/-/merge_requests/7`,
        });
      }
      return send(404, { message: `fake GitLab: no ${req.method} ${url}` });
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}
