import health from './health';
import settings from './settings';
import gengo from './gengo';
import orderStore from './order-store';
import orderSource from './order-source';
import orderQueries from './order-queries';
import quote from './quote';
import ordering from './ordering';
import groupOrdering from './group-ordering';
import review from './review';
import lease from './lease';
import apply from './apply';
import jobSync from './job-sync';
import callbacks from './callbacks';
import reconcile from './reconcile';
import publishRules from './publish-rules';
import publishTrigger from './publish-trigger';
import account from './account';
import entryTitles from './entry-titles';
import batchStore from './batch-store';
import bulkQuote from './bulk-quote';
import bulk from './bulk';
import bulkWorker from './bulk-worker';
import localeLanguages from './locale-languages';

export default {
  health,
  settings,
  gengo,
  orderStore,
  orderSource,
  orderQueries,
  quote,
  ordering,
  groupOrdering,
  review,
  lease,
  apply,
  jobSync,
  callbacks,
  reconcile,
  publishRules,
  publishTrigger,
  account,
  entryTitles,
  batchStore,
  bulkQuote,
  bulk,
  bulkWorker,
  localeLanguages,
};
