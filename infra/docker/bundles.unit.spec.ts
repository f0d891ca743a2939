import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The image runs each app from the bundle `npm run build` makes of it (scripts/build-apps.mjs): every
// command in docker-compose.yml and the Dockerfile must name one it makes, the way the image runs it.
const root = join(__dirname, '..', '..');
const built = execFileSync(process.execPath, [join(root, 'scripts', 'build-apps.mjs'), '--list'], { encoding: 'utf8' }).trim().split('\n');
const commandsIn = (file: string, key: RegExp) => [...readFileSync(join(root, file), 'utf8').matchAll(key)].map((m) => JSON.parse(m[1]!) as string[]);

describe('the app commands of the image', () => {
  const compose = commandsIn('docker-compose.yml', /^\s+command: (\[.*\])$/gm);
  const dockerfile = commandsIn('infra/docker/Dockerfile', /^CMD (\[.*\])$/gm);

  it('run a bundle the build makes, with source maps', () => {
    for (const command of [...compose, ...dockerfile]) {
      expect(command.slice(0, 2)).toEqual(['node', '--enable-source-maps']);
      expect(built).toContain(/^dist\/(.+)\.js$/.exec(command[2] ?? '')?.[1]);
    }
  });

  it('cover every app the build bundles', () => {
    expect(compose.map((command) => command[2]).sort()).toEqual(built.map((app) => `dist/${app}.js`).sort());
  });
});
