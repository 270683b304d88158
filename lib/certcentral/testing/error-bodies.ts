// Error bodies shared by the error tests. Sources of each shape: docs/error-codes.md.

/** The real answer to a key that does not exist, as public clients recorded it. */
export const WRONG_KEY =
  '{"errors":[{"code":"access_denied|access_denied_invalid_key","message":"Access denied due to access_denied_invalid_key."}]}';

/** What a gateway in front of the API answers when the API is down: HTML, not JSON. */
export const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** A documented-shape body with `n` errors. */
export const manyErrors = (n: number) =>
  JSON.stringify({
    errors: Array.from({ length: n }, (_, i) => ({ code: `code_${i}`, message: `Message ${i}.` })),
  });
