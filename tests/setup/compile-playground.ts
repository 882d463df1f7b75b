import { compileStrapi } from '@strapi/strapi';
import { PLAYGROUND_DIR } from '../helpers/paths';

/** Compiles the playground's TypeScript once per run; each test file then boots from dist/. */
export default async function compilePlayground() {
  await compileStrapi({ appDir: PLAYGROUND_DIR });
}
