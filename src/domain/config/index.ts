export * from './parseRuntimeConfig';
export * from './runtimeConfigSchema';
