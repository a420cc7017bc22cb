import { spawn } from 'node:child_process'

/**
 * Runs a command; rejects with a message naming it when it fails. `quiet`: its output is
 * kept and shown only if it fails (an export that works prints one line, not Slidev's log).
 */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}, { quiet = false } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: quiet
        ? ['ignore', 'pipe', 'pipe']
        : 'inherit',
      env: {
        ...process.env,
        ...env,
      },
    })
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0)
        return resolve()
      if (quiet)
        process.stderr.write(output)
      reject(new Error(`${command} ${args.join(' ')} exited with code ${code}`))
    })
  })
}

/** The binary of a local dependency, so that scripts work without npx or a global install. */
export const bin = (name: string) => `node_modules/.bin/${name}`
