import type { ChangeSetBuilder } from '../../changes/ChangeSetBuilder';
import { renderYaml } from '../../yaml/yamlDocument';
import { vendorChart, type VendoredChart } from './vendoredChart';

/** A chart rendered by kustomize's `helmCharts` in an app's base. */
export interface HelmBase {
  /** The app's folder, e.g. `apps/storage/velero`. */
  appDir: string;
  title: string;
  namespace: string;
  chart: {
    name: string;
    repo: string;
    version: string;
    includeCRDs: boolean;
    vendor?: VendoredChart;
  };
  releaseName: string;
  /** values.yaml content. */
  values: string;
}

/**
 * Writes `<app>/base/kustomization.yaml` (helmCharts with the pinned chart,
 * release name, namespace and values file) and `<app>/base/values.yaml`,
 * vendoring the chart into `base/charts` when asked.
 */
export function writeHelmBase(builder: ChangeSetBuilder, base: HelmBase): void {
  const baseDir = `${base.appDir}/base`;
  const vendoredLine = base.chart.vendor
    ? vendorChart(builder, `${baseDir}/charts`, base.chart, base.chart.vendor)
    : undefined;
  const kustomization = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace: base.namespace,
    ...(base.chart.vendor ? { helmGlobals: { chartHome: 'charts' } } : {}),
    helmCharts: [
      {
        name: base.chart.name,
        repo: base.chart.repo,
        version: base.chart.version,
        releaseName: base.releaseName,
        namespace: base.namespace,
        includeCRDs: base.chart.includeCRDs,
        valuesFile: 'values.yaml',
      },
    ],
  };
  builder.createFile(
    `${baseDir}/kustomization.yaml`,
    renderYaml(kustomization, {
      header: [
        `${base.title}: the ${base.chart.name} chart ${base.chart.version}, pinned.`,
        'Argo CD renders helmCharts with kustomize.buildOptions: --enable-helm (argocd-cm).',
        ...(vendoredLine ? [vendoredLine] : []),
        'Written by backstage-storage.',
      ].join('\n'),
    }),
  );
  builder.createFile(`${baseDir}/values.yaml`, base.values);
}
