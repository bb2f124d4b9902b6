import type { NodeTypeName } from '../shared/graph-schema';
import type { ActorKind } from '../shared/graphql/enums';
import type { ArticleInputData, EntityRefData, SubjectRefData } from './ingest.model';

/** The node types an entity or subject reference may resolve to. */
export type RefTarget = Extract<NodeTypeName, 'Actor' | 'Country' | 'Topic' | 'Meeting'>;

/** One reference to an existing (or, with createMissing, new) node, with where it sits in the input. */
export interface RefSlot {
  /** Input path of the reference, such as `statements[2].about[1]`. */
  path: string;
  id: string | null;
  name: string | null;
  /** For entity references: what to create when the name is new. */
  kind: ActorKind | null;
  country: string | null;
  /** What the relationship at this slot may point to (from graph-schema.ts). */
  allowed: readonly RefTarget[];
  /** Entity refs create Actors when missing, subject refs Topics. */
  creates: 'Actor' | 'Topic' | null;
}

const ACTOR = ['Actor'] as const;
const COUNTRY = ['Country'] as const;
const ACTOR_OR_COUNTRY = ['Actor', 'Country'] as const;
const TOPIC = ['Topic'] as const;
const MEETING = ['Meeting'] as const;
const SUBJECT = ['Actor', 'Country', 'Meeting', 'Topic'] as const;

function entitySlot(path: string, ref: EntityRefData, allowed: readonly RefTarget[]): RefSlot {
  return {
    path,
    id: ref.id ?? null,
    name: ref.name ?? null,
    kind: ref.kind ?? null,
    country: ref.country ?? null,
    allowed,
    creates: allowed.includes('Actor') ? 'Actor' : null,
  };
}

function meetingSlot(path: string, id: string): RefSlot {
  return { path, id, name: null, kind: null, country: null, allowed: MEETING, creates: null };
}

function subjectSlot(path: string, ref: SubjectRefData, allowed: readonly RefTarget[]): RefSlot {
  return { path, id: ref.id ?? null, name: ref.name ?? null, kind: null, country: null, allowed, creates: 'Topic' };
}

/**
 * Every id or name reference of an article input, in input order. Subject references to a meeting of the same
 * input (`{ meeting: key }`) are not listed: they resolve inside the input.
 */
export function collectRefs(input: ArticleInputData): RefSlot[] {
  const slots: RefSlot[] = [entitySlot('outlet', input.outlet, ACTOR)];
  (input.mentions ?? []).forEach((ref, i) => slots.push(entitySlot(`mentions[${i}]`, ref, ACTOR_OR_COUNTRY)));
  (input.topics ?? []).forEach((ref, i) => slots.push(subjectSlot(`topics[${i}]`, ref, TOPIC)));
  (input.meetings ?? []).forEach((meeting, i) => {
    if (meeting.id != null) slots.push(meetingSlot(`meetings[${i}]`, meeting.id));
    (meeting.participants ?? []).forEach((ref, j) =>
      slots.push(entitySlot(`meetings[${i}].participants[${j}]`, ref, ACTOR)),
    );
    if (meeting.location) slots.push(entitySlot(`meetings[${i}].location`, meeting.location, COUNTRY));
  });
  input.statements.forEach((statement, i) => {
    slots.push(entitySlot(`statements[${i}].speaker`, statement.speaker, ACTOR));
    if (statement.onBehalfOf) {
      slots.push(entitySlot(`statements[${i}].onBehalfOf`, statement.onBehalfOf, ACTOR_OR_COUNTRY));
    }
    if (statement.via) slots.push(entitySlot(`statements[${i}].via`, statement.via, ACTOR));
    statement.about.forEach((ref, j) => {
      if (ref.meeting == null) slots.push(subjectSlot(`statements[${i}].about[${j}]`, ref, SUBJECT));
    });
  });
  return slots;
}
