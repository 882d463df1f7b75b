'use strict';
/** Runs a command, inheriting stdio; rejects on a non-zero exit. */
const { spawn } = require('child_process');

const run = (command, args, options = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}`))
    );
  });

module.exports = { run };
