import { parseArgs } from 'node:util'
import { describe, expect, it } from 'vitest'
import { frenchArgumentError } from './arguments.mjs'

function errorOf(args: string[]) {
  try {
    parseArgs({
      args,
      options: {
        session: { type: 'string' },
      },
    })
  }
  catch (error) {
    return frenchArgumentError(error as Error)
  }
  throw new Error('parseArgs accepted the arguments')
}

describe('frenchArgumentError', () => {
  it('says that options go after « -- » when npm kept the option and left its value', () => {
    expect(errorOf(['Lyon, mars 2027'])).toMatch(/argument inattendu : « Lyon, mars 2027 »\. Les options se placent après « -- »/)
  })

  it('names an unknown option in French', () => {
    expect(errorOf(['--sesion', 'x'])).toMatch(/^option inconnue : --sesion/)
  })
})
