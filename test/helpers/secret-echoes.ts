// A password and the encodings a server may echo it back in (an error body quoting a query, a
// form body, a JSON string, an auth file or the Basic header it was sent): each must be masked.

export const ECHO_USER = 'ci';
// `>>>` and `??` make base64 and base64url differ; the space, `@`, `/` and `"` every escaping.
export const ECHO_PASSWORD = 'p@ss w/"rd>>>??!';

/** Each form by name, written here independently of the product's own list. */
export const ECHOES = {
  clear: ECHO_PASSWORD,
  uri: encodeURIComponent(ECHO_PASSWORD),
  form: new URLSearchParams({ password: ECHO_PASSWORD }).toString().slice('password='.length),
  json: JSON.stringify(ECHO_PASSWORD).slice(1, -1),
  base64: Buffer.from(ECHO_PASSWORD).toString('base64'),
  base64url: Buffer.from(ECHO_PASSWORD).toString('base64url'),
  basic: Buffer.from(`${ECHO_USER}:${ECHO_PASSWORD}`).toString('base64'),
};
