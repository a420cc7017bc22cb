import { spawn } from 'node:child_process'

/** Runs a command with inherited output; rejects with a message naming it when it fails. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: {
        ...process.env,
        ...env,
      },
    })
    child.on('error', reject)
    child.on('exit', code => code === 0
      ? resolve()
      : reject(new Error(`${command} ${args.join(' ')} exited with code ${code}`)))
  })
}

/** The binary of a local dependency, so that scripts work without npx or a global install. */
export const bin = (name: string) => `node_modules/.bin/${name}`
