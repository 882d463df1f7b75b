import health from './health';
import settings from './settings';
import gengo from './gengo';

export default {
  health,
  settings,
  gengo,
};
