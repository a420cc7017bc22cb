// Debian's nginx in front of the test's instances, with the configuration the project ships
// (deploy/nginx-atelier.conf): only its addresses change. A foreground process of its own,
// never the system's service. Without nginx installed, the tests that need it fail and say so.
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { freePort } from '../../scripts/lib/server-process'

export interface TestNginx {
  url: string
  stop: () => Promise<void>
}

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync)

/** The shipped site configuration, pointed at `upstreams` and listening on `port` of 127.0.0.1. */
export function siteConfig(upstreams: string[], port: number): string {
  const shipped = readFileSync(resolve('deploy/nginx-atelier.conf'), 'utf8')
  return shipped
    .replace(/^\s*server 127\.0\.0\.1:\d+ .*;$/gm, '')
    .replace('upstream atelier {', `upstream atelier {\n${upstreams.map(u => `    server ${u} max_fails=1 fail_timeout=10s;`).join('\n')}`)
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
}

export async function startNginx(upstreams: string[]): Promise<TestNginx> {
  if (!NGINX)
    throw new Error('nginx is not installed: the hosted-mode tests need a real load balancer. Install it (apt-get install -y nginx).')
  const dir = mkdtempSync(join(tmpdir(), 'atelier-nginx-'))
  const port = await freePort()
  writeFileSync(join(dir, 'site.conf'), siteConfig(upstreams, port))
  writeFileSync(join(dir, 'nginx.conf'), `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log stderr warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`)
  let log = ''
  const child: ChildProcess = spawn(NGINX, [
    '-p',
    dir,
    '-c',
    join(dir, 'nginx.conf'),
  ], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stderr!.on('data', (d: Buffer) => {
    log += d.toString()
  })
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null)
      throw new Error(`nginx did not start: ${log}`)
    try {
      await fetch(`${url}/healthz`)
      break
    }
    catch {
      await new Promise(r => setTimeout(r, 50))
    }
  }
  return {
    url,
    async stop() {
      child.kill('SIGQUIT')
      await new Promise(r => child.once('exit', r))
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
