import verifyCallback from './verify-callback';

export default {
  'verify-callback': verifyCallback,
};
