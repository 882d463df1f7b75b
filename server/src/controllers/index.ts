import health from './health';
import settings from './settings';
import orders from './orders';
import review from './review';
import callback from './callback';
import reconcile from './reconcile';
import publishRules from './publish-rules';
import bulk from './bulk';

export default {
  health,
  settings,
  orders,
  review,
  callback,
  reconcile,
  publishRules,
  bulk,
};
