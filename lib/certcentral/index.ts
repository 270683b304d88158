// The CertCentral API client: one import for the background worker.
export * from './account';
export * from './containers';
export * from './errors';
export * from './orders';
export * from './organizations';
export * from './products';
export * from './rate-limit';
export * from './regions';
export * from './schemas';
export * from './transport';
export * from './user';
