// Builds the SPA for Maven: `npm ci` only when package-lock.json changed, `vite build` only when a source changed.
// Usage: node scripts/build.mjs <output directory>
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(process.argv[2] ?? join(root, 'dist'));
const run = (cmd, env = {}) => execSync(cmd, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });

function fingerprint(paths) {
  const hash = createHash('sha256');
  const walk = (path) => {
    if (!existsSync(path) || /\.test\.tsx?$|[\/]src[\/]test$/.test(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) walk(join(path, name));
    } else {
      hash.update(path).update(readFileSync(path));
    }
  };
  paths.forEach((p) => walk(join(root, p)));
  return hash.digest('hex');
}

const lock = fingerprint(['package-lock.json']);
const installedStamp = join(root, 'node_modules', '.vettify-lock');
if (!existsSync(installedStamp) || readFileSync(installedStamp, 'utf8') !== lock) {
  run('npm ci --no-audit --no-fund');
  writeFileSync(installedStamp, lock);
}

const sources = fingerprint(['src', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package-lock.json']);
const builtStamp = join(outDir, '.build-fingerprint');
if (existsSync(builtStamp) && readFileSync(builtStamp, 'utf8') === sources) {
  console.log(`webui: up to date in ${outDir}`);
} else {
  run('npm run build', { WEBUI_OUT_DIR: outDir });
  writeFileSync(builtStamp, sources);
}
