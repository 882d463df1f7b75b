import { winston, formats } from '@strapi/logger';

export default {
  transports: [
    new winston.transports.Console({
      level: process.env.TEST_LOG_LEVEL || 'warn',
      format: formats.prettyPrint(),
    }),
  ],
};
