import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/**
 * BENCH_CPU_PROFILE=<file>: the server process's CPU profile over the measured phase only (not the
 * setup), written as a `.cpuprofile` that Chrome DevTools opens. The timings in `profile.ts` say
 * which layer is slow; this says which functions.
 */
export const startCpuProfile = (file = process.env.BENCH_CPU_PROFILE) => {
  if (!file) return { stop: async () => undefined };
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) =>
      session.post(method, params, (err, res) => (err ? reject(err) : resolve(res)))
    );
  const started = post('Profiler.enable')
    .then(() => post('Profiler.setSamplingInterval', { interval: 200 }))
    .then(() => post('Profiler.start'));
  return {
    async stop() {
      await started;
      const { profile } = await post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      return file;
    },
  };
};
