/**
 * The forms in which a server can plausibly echo a secret it was sent: a registry or token server
 * that quotes the request back in an error body may quote it URL-encoded (a query or a form body),
 * base64-encoded (an Authorization header, an auth file) or JSON-escaped. Each form is masked like
 * the secret itself; callers that hold a user name register the `user:password` pair, whose base64
 * form is the Basic credential. (docs/runners.md, "Masked secrets")
 */
export function secretForms(secret: string): string[] {
  if (!secret) return [];
  // The encodings of a secret this short are two to four characters: masking them would garble
  // every log, and a secret this short is no secret to begin with.
  if (secret.length < MIN_ENCODED_LENGTH) return [secret];
  const base64 = Buffer.from(secret, 'utf8').toString('base64');
  const forms = [
    secret,
    encodeURIComponent(secret),
    // application/x-www-form-urlencoded (token requests): spaces as `+`, `!'()*~` escaped.
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    base64,
    // Without its padding too: an echo may drop it (JWT-style encoders do).
    base64.replace(/=+$/, ''),
    Buffer.from(secret, 'utf8').toString('base64url'),
  ];
  // Longest first: a shorter form inside a longer one must not leave half of the longer visible.
  return [...new Set(forms)].filter((form) => form !== '').sort((a, b) => b.length - a.length);
}

const MIN_ENCODED_LENGTH = 4;
