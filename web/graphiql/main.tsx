import './monaco-workers';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './graphiql.css';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { HISTORY_PLUGIN } from '@graphiql/plugin-history';
import { ToolbarButton, useGraphiQL } from '@graphiql/react';
import { GraphiQL } from 'graphiql';
import { useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { fetcher } from './fetcher';

/** One preloaded tab: an example operation of the README, with its variables when the README gives them. */
interface Example {
  title: string;
  query: string;
  variables?: string;
}

/** scripts/build-web.ts writes the README's example operations into the page as JSON. */
function readExamples(): Example[] {
  const element = document.getElementById('diplograph-examples');
  return element?.textContent ? (JSON.parse(element.textContent) as Example[]) : [];
}

function withAuthorization(headersText: string, key: string): string {
  let headers: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(headersText || '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) headers = parsed as Record<string, unknown>;
  } catch {
    // An unparsable headers text is replaced: GraphiQL could not have sent it anyway.
  }
  for (const name of Object.keys(headers)) if (name.toLowerCase() === 'authorization') delete headers[name];
  if (key) headers.Authorization = `Bearer ${key}`;
  return JSON.stringify(headers, null, 2);
}

/** A key field in the toolbar that writes `Authorization: Bearer <key>` into the active tab's headers editor. */
function ApiKeyButton() {
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState('');
  const apply = (event: FormEvent) => {
    event.preventDefault();
    headerEditor?.setValue(withAuthorization(headerEditor.getValue(), key.trim()));
    setOpen(false);
  };
  return (
    <>
      <ToolbarButton label="API key: set the Authorization header" onClick={() => setOpen(!open)}>
        <svg
          aria-hidden="true"
          className="graphiql-toolbar-icon"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <circle cx="7.5" cy="15.5" r="4.5" />
          <path d="M10.7 12.3 20 3m-4 4 3 3m-6-1 2 2" />
        </svg>
      </ToolbarButton>
      {open && (
        <form className="dg-key-form" onSubmit={apply}>
          <label>
            API key (sent as <code>Authorization: Bearer …</code>)
            <input
              autoFocus
              type="password"
              value={key}
              onChange={(event) => setKey(event.target.value)}
              placeholder="leave empty to remove"
            />
          </label>
          <button type="submit">Set header</button>
        </form>
      )}
    </>
  );
}

const examples = readExamples();
const plugins = [HISTORY_PLUGIN, explorerPlugin()];

function App() {
  return (
    <GraphiQL
      fetcher={fetcher}
      plugins={plugins}
      defaultTabs={examples.map((example) => ({ query: example.query, variables: example.variables }))}
      defaultEditorToolsVisibility={true}
      shouldPersistHeaders={false}
    >
      <GraphiQL.Logo>
        <a href="/" className="dg-logo">
          Diplograph
        </a>
      </GraphiQL.Logo>
      <GraphiQL.Toolbar>
        {({ prettify, copy, merge }) => (
          <>
            {prettify}
            {merge}
            {copy}
            <ApiKeyButton />
          </>
        )}
      </GraphiQL.Toolbar>
    </GraphiQL>
  );
}

createRoot(document.getElementById('graphiql')!).render(<App />);
