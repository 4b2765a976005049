export * from './verdicts';
export * from './reasons';
export * from './coverage';
export * from './tiers';
export * from './api';
export * from './restore';
export * from './history';
