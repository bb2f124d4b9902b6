import { Link } from '../../router';

export function NotFoundScreen({ path }: { path: string }) {
  return (
    <section>
      <h1>Not found</h1>
      <p className="state state-empty">
        No screen answers <code>{path}</code>. Start from the <Link to="/">home page</Link>.
      </p>
    </section>
  );
}
