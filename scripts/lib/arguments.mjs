/**
 * Node's `parseArgs` errors, in French, with the usual cause: on `npm start`/`npm run`, the
 * options go after `--` (`npm start -- --session "…"`), or npm keeps them for itself.
 * @param {Error & { code?: string }} error
 * @returns {string} the message, for the terminal
 */
export function frenchArgumentError(error) {
  const option = /'([^']+)'/.exec(error.message)?.[1]
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return `option inconnue : ${option ?? error.message}.`
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return `argument inattendu : « ${option ?? error.message} ». Les options se placent après « -- » : npm start -- --session "Lyon, mars 2027".`
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return `valeur manquante ou invalide pour ${option ?? 'une option'}.`
  return error.message
}
