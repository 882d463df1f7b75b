import health from './health';
import settings from './settings';

export default {
  health,
  settings,
};
