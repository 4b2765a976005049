import os from 'node:os';
import nodePath from 'node:path';
import {
  resolveUpstreamDir,
  UpstreamDefinitionsMissingError,
  upstreamFile,
} from './upstreamDir';

describe('resolveUpstreamDir', () => {
  it('fails, saying where the files come from, when the variable is unset', () => {
    expect(() => resolveUpstreamDir({})).toThrow(
      UpstreamDefinitionsMissingError,
    );
    expect(() => resolveUpstreamDir({})).toThrow(
      /GITOPS_STORAGE_UPSTREAM_DIR is not set[\s\S]*vmware-tanzu\/velero tag v1\.18\.1[\s\S]*argoproj\/argo-cd tag v3\.5\.1/,
    );
  });

  it('fails when the folder does not exist', () => {
    const missing = nodePath.join(os.tmpdir(), 'no-such-upstream-dir-xyz');
    expect(() =>
      resolveUpstreamDir({ GITOPS_STORAGE_UPSTREAM_DIR: missing }),
    ).toThrow(`${missing} is not a directory`);
  });

  it('resolves the folder that CI points at', () => {
    const dir = resolveUpstreamDir();
    expect(
      upstreamFile('velero-1.18.1', 'velero.io_schedules.yaml', dir),
    ).toMatch(/velero\.io_schedules\.yaml$/);
    expect(() => upstreamFile('velero-1.18.1', 'nope.yaml', dir)).toThrow(
      UpstreamDefinitionsMissingError,
    );
  });
});
