import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Small tmpfs mounts: a real full disk or read-only file system for the fault tests (needs root). */
export function canMount(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-mount-probe-'))
  try {
    execFileSync('mount', [
      '-t',
      'tmpfs',
      '-o',
      'size=64k',
      'tmpfs',
      dir,
    ], { stdio: 'ignore' })
    execFileSync('umount', [dir], { stdio: 'ignore' })
    return true
  }
  catch {
    return false
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function mountTmpfs(options: { sizeKb: number, readOnly?: boolean }): string {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-tmpfs-'))
  mkdirSync(dir, { recursive: true })
  execFileSync('mount', [
    '-t',
    'tmpfs',
    '-o',
    `size=${options.sizeKb}k${options.readOnly ? ',ro' : ''}`,
    'tmpfs',
    dir,
  ])
  return dir
}

export function remount(dir: string, mode: 'ro' | 'rw'): void {
  execFileSync('mount', ['-o', `remount,${mode}`, dir])
}

export function unmount(dir: string): void {
  try {
    execFileSync('umount', ['-l', dir], { stdio: 'ignore' })
  }
  catch {}
  rmSync(dir, { recursive: true, force: true })
}
