import type { ChangeSetBuilder } from '../../changes/ChangeSetBuilder';
import { configMapData, setConfigMapData } from '../../yaml/configMap';

/**
 * Argo CD health checks for kro objects (argocd-cm
 * `resource.customizations.health.<group>_<kind>`). Without them Argo CD
 * reports kro objects Healthy as soon as they exist, so a sync wave after
 * them does not wait for kro. States from kro v0.9.3: a
 * ResourceGraphDefinition's `status.state` is Active or Inactive (its CRD);
 * an instance's is IN_PROGRESS, ACTIVE, FAILED, ERROR or DELETING
 * (pkg/controller/instance/instance_state.go).
 */
export const RGD_HEALTH = [
  'hs = { status = "Progressing", message = "Waiting for kro to accept the graph" }',
  'if obj.status ~= nil and obj.status.state ~= nil then',
  '  if obj.status.state == "Active" then',
  '    hs.status = "Healthy"',
  '    hs.message = "Graph accepted: kro serves its CRD"',
  '  elseif obj.status.state == "Inactive" then',
  '    hs.status = "Degraded"',
  '    hs.message = "Graph not accepted: see its conditions"',
  '  end',
  'end',
  'return hs',
  '',
].join('\n');

export const INSTANCE_HEALTH = [
  'hs = { status = "Progressing", message = "kro is creating the resources of the instance" }',
  'if obj.status ~= nil and obj.status.state ~= nil then',
  '  local state = obj.status.state',
  '  if state == "ACTIVE" then',
  '    hs.status = "Healthy"',
  '    hs.message = "Every resource of the graph is ready"',
  '  elseif state == "FAILED" or state == "ERROR" then',
  '    hs.status = "Degraded"',
  '    hs.message = "kro reports " .. state .. ": see the instance conditions"',
  '  end',
  'end',
  'return hs',
  '',
].join('\n');

const key = (kind: string) => `resource.customizations.health.kro.run_${kind}`;

/** Adds the health checks for the graph and its instance kind; existing checks are kept as they are. */
export function ensureKroHealthChecks(
  builder: ChangeSetBuilder,
  configMapPath: string,
  instanceKind: string,
): void {
  builder.editYaml(
    configMapPath,
    `'${configMapPath}' (argocd-cm) does not exist; the kro health checks go there. Give its path as argocd.configMapPath.`,
    doc => {
      for (const [name, script] of [
        [key('ResourceGraphDefinition'), RGD_HEALTH],
        [key(instanceKind), INSTANCE_HEALTH],
      ] as const) {
        if (configMapData(doc, name) === undefined)
          setConfigMapData(doc, name, script);
      }
    },
  );
}
