import { useEffect, useState } from 'react';

let probe: Promise<boolean> | null = null;

/**
 * Whether this server serves GraphiQL (IDE, off by default in trusted-documents mode): a HEAD of /graphiql as a
 * browser asks for it is 200 when it does and 404 when it does not. Asked once per page load.
 */
function ideServed(): Promise<boolean> {
  probe ??= fetch('/graphiql', { method: 'HEAD', headers: { accept: 'text/html' } }).then(
    (response) => response.ok,
    () => false,
  );
  return probe;
}

/** False until the server said it serves GraphiQL, so no link to a missing IDE ever shows. */
export function useIdeAvailable(): boolean {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    let live = true;
    void ideServed().then((served) => {
      if (live) setAvailable(served);
    });
    return () => {
      live = false;
    };
  }, []);
  return available;
}
