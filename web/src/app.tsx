import { Suspense, useEffect, useState, type FormEvent } from 'react';
import { useIdeAvailable } from './api/ide';
import { Loading } from './components/states';
import { ROUTES } from './routes';
import { href, Link, navigate, useLocation } from './router';
import { NotFoundScreen } from './screens/not-found/not-found-screen';

function SearchBox({ initial }: { initial: string }) {
  const [text, setText] = useState(initial);
  useEffect(() => setText(initial), [initial]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) navigate(href('/search', { q: text.trim() }));
  };
  return (
    <form role="search" className="top-search" onSubmit={submit}>
      <input
        type="search"
        name="q"
        dir="auto"
        aria-label="Search in Arabic or English"
        placeholder="Search: ترمب, Peskov, أوكرانيا …"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit">Search</button>
    </form>
  );
}

/** The frame of every screen: the bar with the search box and the navigation, then the routed screen. */
export function App() {
  const location = useLocation();
  const ide = useIdeAvailable();
  let screen = null;
  let routeName = 'not-found';
  for (const route of ROUTES) {
    const params = route.match(location.path);
    if (params) {
      screen = route.render(params, location);
      routeName = route.name;
      break;
    }
  }
  return (
    <>
      <header className="top-bar">
        <Link to="/" className="brand">
          Diplograph
        </Link>
        <SearchBox initial={location.path === '/search' ? (location.query.get('q') ?? '') : ''} />
        <nav>
          {ROUTES.filter((route) => route.nav).map((route) => (
            <Link key={route.name} to={route.nav!.to} className={route.name === routeName ? 'active' : undefined}>
              {route.nav!.label}
            </Link>
          ))}
          {ide && <a href="/graphiql">GraphiQL</a>}
        </nav>
      </header>
      <main data-screen={routeName} key={location.path}>
        <Suspense fallback={<Loading what="Loading the screen" />}>
          {screen ?? <NotFoundScreen path={location.path} />}
        </Suspense>
      </main>
    </>
  );
}
