// Prints, for every folder named on the command line, what the front ends' own readers make of its env files:
// Vite's loadEnv('development', dir, '') and @next/env's loadEnvConfig(dir, true). Only the variables the files
// add are printed, not the ones this process started with. Output: {"<dir>": {"vite": {...}, "next": {...}}}.
import { loadEnv } from 'vite';
import nextEnv from '@next/env';

const initial = { ...process.env };

function restoreEnvironment() {
  for (const key of Object.keys(process.env)) {
    if (!(key in initial)) delete process.env[key];
  }
  Object.assign(process.env, initial);
}

function added(values) {
  const result = {};
  for (const [key, value] of Object.entries(values)) {
    if (key in initial || key === '__NEXT_PROCESSED_ENV') continue;
    result[key] = value;
  }
  return result;
}

const quiet = { info() {}, error(message, error) { console.error(message, error); } };
const results = {};
for (const dir of process.argv.slice(2)) {
  restoreEnvironment();
  const vite = added(loadEnv('development', dir, ''));
  restoreEnvironment();
  const next = added(nextEnv.loadEnvConfig(dir, true, quiet, true).combinedEnv);
  restoreEnvironment();
  results[dir] = { vite, next };
}
process.stdout.write(JSON.stringify(results));
