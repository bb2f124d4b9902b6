import { lazy, type ReactNode } from 'react';
import type { Location } from './router';
import { HomeScreen } from './screens/home/home-screen';
import { NodeScreen } from './screens/node/node-screen';
import { SearchScreen } from './screens/search/search-screen';
import { TimelineScreen } from './screens/timeline/timeline-screen';

// The screens that draw load their library (cytoscape.js, Chart.js) on first use, so the first page stays small.
const GraphScreen = lazy(() => import('./screens/graph/graph-screen').then((m) => ({ default: m.GraphScreen })));
const PathScreen = lazy(() => import('./screens/path/path-screen').then((m) => ({ default: m.PathScreen })));
const RelationsScreen = lazy(() =>
  import('./screens/relations/relations-screen').then((m) => ({ default: m.RelationsScreen })),
);
const StatsScreen = lazy(() => import('./screens/stats/stats-screen').then((m) => ({ default: m.StatsScreen })));

/** One screen of the app: the paths it answers, how it renders, and its entry in the top navigation, if any. */
export interface Route {
  name: string;
  /** Returns the path parameters when the path is this screen's, else null. */
  match(path: string): string[] | null;
  render(params: string[], location: Location): ReactNode;
  /** Label and path of its link in the navigation bar. */
  nav?: { label: string; to: string };
}

function pattern(regex: RegExp): (path: string) => string[] | null {
  return (path) => {
    const found = regex.exec(path);
    return found ? found.slice(1).map((part) => decodeURIComponent(part)) : null;
  };
}

/**
 * Every screen of the app, in match order: adding a screen is adding an entry here. The server answers every
 * path outside the API with the app's page, so a new path needs nothing on the server.
 */
export const ROUTES: Route[] = [
  { name: 'home', match: pattern(/^\/$/), render: () => <HomeScreen /> },
  {
    name: 'search',
    match: pattern(/^\/search\/?$/),
    render: (_, { query }) => <SearchScreen text={query.get('q') ?? ''} types={query.get('types') ?? ''} />,
    nav: { label: 'Search', to: '/search' },
  },
  {
    name: 'graph',
    match: pattern(/^\/node\/([^/]+)\/graph\/?$/),
    render: ([id], { query }) => (
      <GraphScreen id={id!} depth={Number(query.get('depth') ?? 1)} limit={Number(query.get('limit') ?? 200)} />
    ),
  },
  {
    name: 'timeline',
    match: pattern(/^\/node\/([^/]+)\/timeline\/?$/),
    render: ([id], { query }) => <TimelineScreen id={id!} from={query.get('from') ?? ''} to={query.get('to') ?? ''} />,
  },
  {
    name: 'node',
    match: pattern(/^\/node\/([^/]+)\/?$/),
    render: ([id], { query }) => (
      <NodeScreen
        id={id!}
        includeRelated={query.get('related') === '1'}
        from={query.get('from') ?? ''}
        to={query.get('to') ?? ''}
      />
    ),
  },
  {
    name: 'path',
    match: pattern(/^\/path\/?$/),
    render: (_, { query }) => (
      <PathScreen
        from={query.get('from') ?? ''}
        to={query.get('to') ?? ''}
        maxHops={Number(query.get('maxHops') ?? 4)}
      />
    ),
    nav: { label: 'Paths', to: '/path' },
  },
  {
    name: 'relations',
    match: pattern(/^\/relations\/?$/),
    render: (_, { query }) => (
      <RelationsScreen a={query.get('a') ?? ''} b={query.get('b') ?? ''} interval={query.get('interval') ?? 'MONTH'} />
    ),
    nav: { label: 'Relations', to: '/relations' },
  },
  {
    name: 'stats',
    match: pattern(/^\/stats\/?$/),
    render: (_, { query }) => <StatsScreen from={query.get('from') ?? ''} to={query.get('to') ?? ''} />,
    nav: { label: 'Statistics', to: '/stats' },
  },
];
