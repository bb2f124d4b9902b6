import { STATEMENT_CARD_FIELDS, type StatementCardData } from '../../components/statement-card';

/** What the node page needs to know first: the type, and everything of it that is not a list of statements. */
export const NODE_PAGE = /* GraphQL */ `
  query NodePage($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Entity {
        name
        ar: name(lang: "ar")
      }
      ... on Actor {
        kind
        wikidata
        country {
          id
          name
        }
        aliases {
          text
          lang
        }
        roles {
          title
          titleAr: title(lang: "ar")
          since
          until
          country {
            id
            name
          }
          organization {
            id
            name
          }
        }
      }
      ... on Country {
        code
        alpha3
        aliases {
          text
          lang
        }
      }
      ... on Topic {
        name
        ar: name(lang: "ar")
      }
      ... on Meeting {
        name
        ar: name(lang: "ar")
        meetingKind: kind
        status
        date
        durationMinutes
        location {
          id
          name
        }
        participants {
          id
          name
        }
        statusHistory {
          status
          asOf
          statement {
            id
            text
            speaker {
              id
              name
            }
          }
        }
      }
      ... on Statement {
        text
      }
      ... on Article {
        title
      }
    }
  }
`;

export interface StatusChangeData {
  status: string;
  asOf: string | null;
  statement: { id: string; text: string; speaker: { id: string; name: string } | null } | null;
}

export interface MeetingData {
  __typename: 'Meeting';
  id: string;
  name: string;
  ar: string;
  meetingKind: string;
  status: string | null;
  date: string | null;
  durationMinutes: number | null;
  location: { id: string; name: string } | null;
  participants: { id: string; name: string }[];
  statusHistory: StatusChangeData[];
}

/** A meeting as an actor's meeting list shows it. */
export type MeetingSummaryData = Omit<MeetingData, '__typename' | 'ar' | 'location' | 'meetingKind'> & { kind: string };

export interface RoleData {
  title: string;
  titleAr: string;
  since: string | null;
  until: string | null;
  country: { id: string; name: string } | null;
  organization: { id: string; name: string } | null;
}

export type NodePageNode =
  | {
      __typename: 'Actor';
      id: string;
      name: string;
      ar: string;
      kind: string;
      wikidata: string | null;
      country: { id: string; name: string } | null;
      aliases: { text: string; lang: string | null }[];
      roles: RoleData[];
    }
  | {
      __typename: 'Country';
      id: string;
      name: string;
      ar: string;
      code: string;
      alpha3: string;
      aliases: { text: string; lang: string | null }[];
    }
  | { __typename: 'Topic'; id: string; name: string; ar: string }
  | MeetingData
  | { __typename: 'Statement'; id: string; text: string }
  | { __typename: 'Article'; id: string; title: string };

export interface NodePageData {
  node: NodePageNode | null;
}

export const WHO_SAID_WHAT_ABOUT = /* GraphQL */ `
  query WhoSaidWhatAbout($about: ID!, $includeRelated: Boolean, $from: Date, $to: Date, $first: Int, $after: String) {
    whoSaidWhatAbout(about: $about, includeRelated: $includeRelated, from: $from, to: $to, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ${STATEMENT_CARD_FIELDS}
        }
      }
    }
  }
`;

export interface StatementConnectionData {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: StatementCardData }[];
}

export const ACTOR_STATEMENTS = /* GraphQL */ `
  query ActorStatements($id: ID!, $first: Int, $after: String) {
    node(id: $id) {
      ... on Actor {
        statements(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              ${STATEMENT_CARD_FIELDS}
            }
          }
        }
      }
    }
  }
`;

export const ACTOR_MEETINGS = /* GraphQL */ `
  query ActorMeetings($participant: ID!) {
    meetings(filter: { participant: $participant }, first: 50) {
      totalCount
      edges {
        node {
          id
          name
          kind
          status
          date
          durationMinutes
          participants {
            id
            name
          }
          statusHistory {
            status
            asOf
            statement {
              id
              text
              speaker {
                id
                name
              }
            }
          }
        }
      }
    }
  }
`;

export interface ActorMeetingsData {
  meetings: {
    totalCount: number;
    edges: { node: MeetingSummaryData }[];
  };
}
