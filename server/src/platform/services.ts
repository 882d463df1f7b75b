import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type services from '../services';

type Services = typeof services;
export type ServiceName = keyof Services;

/** Typed access to a capability's service: `getService(strapi, 'ordering').place(…)`. */
export const getService = <N extends ServiceName>(strapi: Core.Strapi, name: N) =>
  strapi.plugin(PLUGIN_ID).service(name) as ReturnType<Services[N]>;
