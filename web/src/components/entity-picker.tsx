import { useEffect, useState } from 'react';
import { ApiError, request } from '../api/client';

const RESOLVE = /* GraphQL */ `
  query ResolveEntity($name: String!) {
    resolveEntity(name: $name) {
      __typename
      id
      name
      ar: name(lang: "ar")
    }
  }
`;

interface Candidate {
  __typename: string;
  id: string;
  name: string;
  ar: string;
}

const NAME_OF_ID = /* GraphQL */ `
  query EntityName($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Entity {
        name
      }
    }
  }
`;

/**
 * Picks an actor or country by any name or alias (resolveEntity, any script), or takes a pasted global id.
 * Calls `onPick(id)` with the chosen entity's global id.
 */
export function EntityPicker({ label, value, onPick }: { label: string; value: string; onPick: (id: string) => void }) {
  const [text, setText] = useState('');
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!value) return;
    request<{ node: { name?: string } | null }>(NAME_OF_ID, { id: value }).then(
      (data) => setText(data.node?.name ?? value),
      () => setText(value),
    );
  }, [value]);
  useEffect(() => {
    const name = text.trim();
    if (name.length < 2) {
      setCandidates([]);
      return;
    }
    const timer = setTimeout(() => {
      request<{ resolveEntity: Candidate[] }>(RESOLVE, { name }).then(
        (data) => {
          setCandidates(data.resolveEntity);
          setError(null);
        },
        (e: unknown) => setError(e instanceof ApiError ? `${e.code}: ${e.message}` : String(e)),
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [text]);
  const listId = `candidates-${label.replace(/\W+/g, '-')}`;
  return (
    <label className="entity-picker">
      {label}{' '}
      <input
        dir="auto"
        list={listId}
        value={text}
        placeholder="a name in any script"
        onChange={(event) => {
          const typed = event.target.value;
          setText(typed);
          const chosen = candidates.find((c) => c.name === typed || c.ar === typed);
          if (chosen) onPick(chosen.id);
        }}
        onBlur={() => {
          const chosen = candidates.find((c) => c.name === text || c.ar === text) ?? candidates[0];
          if (chosen && chosen.id !== value) onPick(chosen.id);
        }}
      />
      <datalist id={listId}>
        {candidates.map((candidate) => (
          <option key={candidate.id} value={candidate.name}>
            {candidate.__typename} · {candidate.ar}
          </option>
        ))}
      </datalist>
      {error && <span className="error-inline">{error}</span>}
    </label>
  );
}
