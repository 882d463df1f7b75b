import order from './order';
import job from './job';
import comment from './comment';
import lease from './lease';

export default {
  order,
  job,
  comment,
  lease,
};
