import { useIdeAvailable } from '../../api/ide';
import { Link } from '../../router';

/** Seed ids, as in the README's examples. */
const TRUMP = 'QWN0b3I6ZG9uYWxkLXRydW1w';
const PESKOV = 'QWN0b3I6ZG1pdHJ5LXBlc2tvdg';
const ALIYEV = 'QWN0b3I6aWxoYW0tYWxpeWV2';
const RUSSIA = 'Q291bnRyeTpSVQ';
const AZERBAIJAN = 'Q291bnRyeTpBWg';

export function HomeScreen() {
  const ide = useIdeAvailable();
  return (
    <section className="home">
      <h1>Diplograph workbench</h1>
      <p>
        Who said what about whom, on whose behalf, when, and reported by whom. Search in Arabic or English from the bar
        above, or start from one of these:
      </p>
      <ul className="cards">
        <li>
          <Link to="/search?q=ترمب">Search “ترمب”</Link>
          <span>names and aliases in any script</span>
        </li>
        <li>
          <Link to={`/node/${PESKOV}`}>Dmitry Peskov</Link>
          <span>roles, what he said, meetings</span>
        </li>
        <li>
          <Link to={`/node/${PESKOV}/graph`}>Peskov’s neighbourhood</Link>
          <span>graph, depth 1–3</span>
        </li>
        <li>
          <Link to={`/path?from=${TRUMP}&to=${ALIYEV}&maxHops=6`}>Trump → Aliyev</Link>
          <span>shortest paths</span>
        </li>
        <li>
          <Link to={`/node/${RUSSIA}/timeline`}>Russia’s timeline</Link>
          <span>statements and meeting status changes</span>
        </li>
        <li>
          <Link to={`/relations?a=${RUSSIA}&b=${AZERBAIJAN}&interval=MONTH`}>Russia ↔ Azerbaijan</Link>
          <span>relations chart</span>
        </li>
        <li>
          <Link to="/stats">Statement statistics</Link>
          <span>top speakers, subjects, CAMEO roots, months</span>
        </li>
        {ide && (
          <li>
            <a href="/graphiql">GraphiQL</a>
            <span>write queries; the README’s examples are preloaded</span>
          </li>
        )}
      </ul>
    </section>
  );
}
