export * from './jobs';
export * from './account-service';
