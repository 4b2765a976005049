import { GeneratorError } from '../errors/GeneratorError';
import { volumeRequestGenerator } from '../generators/volume-request';
import { parseGeneratorInput } from './parseGeneratorInput';

describe('parseGeneratorInput', () => {
  it('applies defaults', () => {
    const input = parseGeneratorInput(volumeRequestGenerator, {
      folder: 'apps/a/base',
      claimName: 'data',
      tier: 'fast',
      size: '1Gi',
      waiver: { reason: 'test data only, recreated' },
    });
    expect(input.accessMode).toBe('ReadWriteOnce');
  });

  it('lists every problem, one line per field', () => {
    let error: GeneratorError | undefined;
    try {
      parseGeneratorInput(volumeRequestGenerator, {
        folder: '../x',
        claimName: 'Bad',
        size: '1GB',
        waiver: { reason: 'a reason long enough' },
      });
    } catch (e) {
      error = e as GeneratorError;
    }
    expect(error?.name).toBe('GeneratorError');
    expect(error?.field).toBe('folder');
    expect(error?.message.split('\n')).toEqual([
      'invalid input for volume-request:',
      "folder: path contains '..'",
      'claimName: must be lower-case letters, digits and "-", starting and ending with a letter or digit',
      "size: '1GB' is not a storage size; write a number with a unit such as 50Gi, 500Mi or 2Ti",
      // Required unless withdrawing: checked after the fields themselves.
      'tier: Required',
    ]);
  });
});
