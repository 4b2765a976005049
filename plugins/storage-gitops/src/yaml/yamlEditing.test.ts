import { parse } from 'yaml';
import { fixtureFiles } from '../testUtils/fixtureRepo';
import { addListItemOnce, setValueAt } from './collections';
import { setConfigMapData } from './configMap';
import {
  ensureKustomizationPatch,
  ensureKustomizationResource,
} from './kustomization';
import {
  detectYamlStyle,
  editYamlText,
  parseYamlDocuments,
  toStringOptions,
} from './yamlDocument';

const KUSTOMIZATION = `# Services of the team.
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: payments # where they run
resources:
  # The API
  - deployment.yaml
  - "service.yaml"
# Image pins
images:
  - name: api
    newTag: "1.4.2"
`;

/** The lines an edit added (a pure addition keeps every old line, in order). */
function addedLines(before: string, after: string): string[] {
  const old = before.split('\n');
  const added: string[] = [];
  let i = 0;
  for (const line of after.split('\n')) {
    if (i < old.length && line === old[i]) i++;
    else added.push(line);
  }
  expect(i).toBe(old.length);
  return added;
}

describe('YAML editing keeps what it does not change', () => {
  it('every fixture YAML file round-trips byte for byte', () => {
    for (const [path, text] of Object.entries(fixtureFiles())) {
      if (!path.endsWith('.yaml')) continue;
      const options = toStringOptions(detectYamlStyle(text));
      const printed = parseYamlDocuments(text, path)
        .map(doc => doc.toString(options))
        .join('');
      expect({ path, printed }).toEqual({ path, printed: text });
    }
  });

  it('adds a resources entry once, keeping comments, quoting and key order', () => {
    const once = editYamlText(KUSTOMIZATION, 'k.yaml', doc =>
      ensureKustomizationResource(doc, 'pvc.yaml'),
    );
    expect(addedLines(KUSTOMIZATION, once)).toEqual(['  - pvc.yaml']);
    expect(once).toContain('namespace: payments # where they run');
    expect(once).toContain('  # The API');
    expect(once).toContain('    newTag: "1.4.2"');
    const twice = editYamlText(once, 'k.yaml', doc =>
      ensureKustomizationResource(doc, './pvc.yaml'),
    );
    expect(twice).toBe(once);
    expect(
      editYamlText(KUSTOMIZATION, 'k.yaml', doc =>
        ensureKustomizationResource(doc, 'service.yaml/'),
      ),
    ).toBe(KUSTOMIZATION);
  });

  it('keeps the file’s own sequence indentation', () => {
    const compact = 'resources:\n- a.yaml\n# keep me\n- b.yaml\n';
    expect(detectYamlStyle(compact)).toEqual({
      indentSeq: false,
      flowCollectionPadding: false,
    });
    const edited = editYamlText(compact, 'k.yaml', doc =>
      ensureKustomizationResource(doc, 'c.yaml'),
    );
    expect(edited).toBe(
      'resources:\n- a.yaml\n# keep me\n- b.yaml\n- c.yaml\n',
    );
  });

  it('adds a patches list when there is none', () => {
    const edited = editYamlText(KUSTOMIZATION, 'k.yaml', doc =>
      ensureKustomizationPatch(doc, { path: 'p.yaml' }),
    );
    expect(addedLines(KUSTOMIZATION, edited)).toEqual([
      'patches:',
      '  - path: p.yaml',
    ]);
    expect(
      editYamlText(edited, 'k.yaml', doc =>
        ensureKustomizationPatch(doc, { path: './p.yaml' }),
      ),
    ).toBe(edited);
  });

  it('grows an empty flow list as a block list', () => {
    const edited = editYamlText('# x\nresources: []\n', 'k.yaml', doc =>
      ensureKustomizationResource(doc, 'a.yaml'),
    );
    expect(edited).toBe('# x\nresources:\n  - a.yaml\n');
  });

  it('sets a ConfigMap data key, keeping the others and their block scalars', () => {
    const argocdCm = fixtureFiles()['apps/cicd/argocd/base/argocd-cm.yaml'];
    const edited = editYamlText(argocdCm, 'cm.yaml', doc =>
      setConfigMapData(doc, 'kustomize.buildOptions', '--enable-helm'),
    );
    expect(addedLines(argocdCm, edited)).toEqual([
      '  kustomize.buildOptions: --enable-helm',
    ]);
    expect(
      parse(edited).data[
        'resource.customizations.health.argoproj.io_Application'
      ],
    ).toContain('return hs');
    const changed = editYamlText(edited, 'cm.yaml', doc =>
      setConfigMapData(
        doc,
        'kustomize.buildOptions',
        '--enable-helm --load-restrictor LoadRestrictionsNone',
      ),
    );
    expect(changed.split('\n').length).toBe(edited.split('\n').length);
  });

  it('adds a list item once by a key, creating parents', () => {
    const edited = editYamlText('kind: X\n', 'x.yaml', doc => {
      addListItemOnce(
        doc,
        ['spec', 'items'],
        { name: 'a', v: 1 },
        item => (item as { name: string }).name === 'a',
      );
      addListItemOnce(
        doc,
        ['spec', 'items'],
        { name: 'a', v: 2 },
        item => (item as { name: string }).name === 'a',
      );
    });
    expect(edited).toBe(
      'kind: X\nspec:\n  items:\n    - name: a\n      v: 1\n',
    );
  });

  it('quotes strings YAML 1.1 would read as something else (Kubernetes reads 1.1)', () => {
    const edited = editYamlText('a: 1\n', 'x.yaml', doc =>
      setValueAt(doc, ['b'], 'on'),
    );
    expect(edited).toBe('a: 1\nb: "on"\n');
  });

  it('refuses to edit through a scalar and invalid YAML, naming the file', () => {
    expect(() =>
      editYamlText('spec: 3\n', 'x.yaml', doc =>
        setValueAt(doc, ['spec', 'a'], 1),
      ),
    ).toThrow("'spec' is not a map");
    expect(() =>
      editYamlText('a: [\n', 'broken.yaml', () => undefined),
    ).toThrow(/'broken\.yaml' is not valid YAML/);
  });
});
