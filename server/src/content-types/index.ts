import order from './order';
import job from './job';
import comment from './comment';
import lease from './lease';
import batch from './batch';
import batchItem from './batch-item';
import memory from './memory';

export default {
  order,
  job,
  comment,
  lease,
  batch,
  'batch-item': batchItem,
  memory,
};
