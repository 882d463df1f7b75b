import path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const PLAYGROUND_DIR = path.join(REPO_ROOT, 'playground');
export const PLAYGROUND_DIST = path.join(PLAYGROUND_DIR, 'dist');
