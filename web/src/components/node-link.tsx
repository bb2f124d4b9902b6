import { Link } from '../router';

/** Where a node of the API is shown in the app. */
export function nodePath(id: string): string {
  return `/node/${encodeURIComponent(id)}`;
}

/** A link to a node's page; its name is data, so its direction comes from its own text. */
export function NodeLink({
  node,
  className,
}: {
  node: { id: string; name: string } | null | undefined;
  className?: string;
}) {
  if (!node) return <span className="muted">—</span>;
  return (
    <Link to={nodePath(node.id)} className={className} dir="auto">
      {node.name}
    </Link>
  );
}

/** Data text of any language: its direction follows its first strong character (Arabic right-to-left). */
export function Text({ children, className }: { children: string | null | undefined; className?: string }) {
  if (!children) return null;
  return (
    <span dir="auto" className={className}>
      {children}
    </span>
  );
}

/**
 * A second name (the Arabic one beside the English): the gap sits on an outer element of the page's direction,
 * since a margin on the right-to-left text itself would fall on its far side.
 */
export function AltName({ children }: { children: string | null | undefined }) {
  if (!children) return null;
  return (
    <span className="alt-name">
      <bdi>{children}</bdi>
    </span>
  );
}
