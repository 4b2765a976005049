import type { ApiHolder } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { storageApiRef, type StorageApi } from '../../api';
import { tiers } from '../../__testUtils__/fixtures';
import {
  accessModesOf,
  readField,
  tierProblem,
  validateStorageTier,
} from './validation';

describe('tierProblem', () => {
  it.each<[string, string[], string | undefined]>([
    ['fast', [], undefined],
    ['fast', ['ReadWriteOnce'], undefined],
    ['nfs', ['ReadWriteMany'], undefined],
    ['nfs', ['ReadWriteMany', 'ReadOnlyMany'], undefined],
    // A tier without an access-mode list is not restricted.
    ['local', ['ReadWriteMany'], undefined],
    [
      'fast',
      ['ReadWriteMany'],
      'Tier "fast" cannot serve ReadWriteMany volumes; it serves ReadWriteOnce. Choose nfs or local, or another access mode.',
    ],
    [
      'bulk',
      ['ReadWriteOnce', 'ReadWriteOncePod'],
      'Tier "bulk" cannot serve ReadWriteOncePod volumes; it serves ReadWriteOnce. Choose local, or another access mode.',
    ],
    [
      'premium',
      [],
      'Unknown storage tier "premium". Choose one of: fast, bulk, nfs, local.',
    ],
  ])('tier %s with %j', (tier, modes, expected) => {
    expect(tierProblem(tier, modes, tiers)).toBe(expected);
  });

  it('asks for another access mode when no tier serves it', () => {
    expect(tierProblem('fast', ['ReadWriteMany'], tiers.slice(0, 2))).toBe(
      'Tier "fast" cannot serve ReadWriteMany volumes; it serves ReadWriteOnce. Choose another access mode.',
    );
  });

  it('names the lack of tiers', () => {
    expect(tierProblem('fast', [], [])).toBe(
      'Unknown storage tier "fast". Choose one of: none configured.',
    );
  });
});

describe('readField and accessModesOf', () => {
  it.each([
    [{ accessMode: 'ReadWriteMany' }, 'accessMode', ['ReadWriteMany']],
    [
      { volume: { modes: ['ReadOnlyMany', 7, ''] } },
      'volume.modes',
      ['ReadOnlyMany'],
    ],
    [{ accessMode: '' }, 'accessMode', []],
    [{}, 'accessMode', []],
    [{ volume: 'x' }, 'volume.modes', []],
    [undefined, 'accessMode', []],
  ])('%j at %s → %j', (data, path, expected) => {
    expect(accessModesOf(readField(data, path))).toEqual(expected);
  });
});

describe('validateStorageTier', () => {
  function holder(api?: Partial<StorageApi>): ApiHolder {
    return {
      get: ref => (ref.id === storageApiRef.id ? (api as any) : undefined),
    };
  }
  const okApi = { getTiers: async () => ({ tiers }) };

  async function validate(
    value: string,
    formData: Record<string, unknown>,
    options: { api?: Partial<StorageApi>; accessModeField?: string } = {},
  ) {
    const errors: string[] = [];
    await validateStorageTier(
      value,
      { addError: (e: string) => errors.push(e) } as any,
      {
        apiHolder: holder('api' in options ? options.api : okApi),
        formData: formData as any,
        schema: {},
        uiSchema: options.accessModeField
          ? { 'ui:options': { accessModeField: options.accessModeField } }
          : {},
      },
    );
    return errors;
  }

  it('accepts a tier that serves the access mode', async () => {
    expect(await validate('nfs', { accessMode: 'ReadWriteMany' })).toEqual([]);
  });

  it('rejects an access mode the tier cannot serve', async () => {
    expect(await validate('fast', { accessMode: 'ReadWriteMany' })).toEqual([
      expect.stringContaining('Tier "fast" cannot serve ReadWriteMany'),
    ]);
  });

  it('reads the sibling field named in ui:options', async () => {
    expect(
      await validate(
        'fast',
        { accessMode: 'ReadWriteOnce', volume: { access: 'ReadWriteMany' } },
        { accessModeField: 'volume.access' },
      ),
    ).toEqual([expect.stringContaining('cannot serve ReadWriteMany')]);
  });

  it('leaves an empty value to the schema', async () => {
    expect(
      await validate('', { accessMode: 'ReadWriteMany' }, { api: undefined }),
    ).toEqual([]);
  });

  it('reports when the tiers cannot be loaded', async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'Error', message: 'backend down' },
        request: { method: 'GET', url: '/api/storage/tiers' },
        response: { statusCode: 503 },
      }),
      { status: 503, headers: { 'content-type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    expect(
      await validate(
        'fast',
        {},
        {
          api: {
            getTiers: async () => {
              throw error;
            },
          },
        },
      ),
    ).toEqual([
      'Could not load the storage tiers to check "fast": backend down',
    ]);
  });

  it('reports a missing storage plugin', async () => {
    expect(await validate('fast', {}, { api: undefined })).toEqual([
      'The storage plugin is not installed; cannot check the tier.',
    ]);
  });
});
