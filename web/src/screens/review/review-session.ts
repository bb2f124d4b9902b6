import type { Decisions } from './review-draft';
import type { PageInputData } from './review.queries';

/**
 * What the review keeps in this tab's sessionStorage: the editor key (never in the URL, gone when the tab
 * closes), the last pasted page (so the back button returns to the form as it was), and each page with its
 * decisions by page key (so /review?page=KEY survives a reload). Storage can be full or refused (private modes):
 * then the review still works, it is only not kept.
 */
const KEY = 'diplograph.editorKey';
const LAST = 'diplograph.review.last';
const PAGE = 'diplograph.review.page.';

function read<T>(name: string): T | null {
  try {
    const raw = window.sessionStorage.getItem(name);
    return raw === null ? null : (JSON.parse(raw) as T);
  } catch {
    return null;
  }
}

function write(name: string, value: unknown): void {
  try {
    if (value === null) window.sessionStorage.removeItem(name);
    else window.sessionStorage.setItem(name, JSON.stringify(value));
  } catch {
    // Not kept; see above.
  }
}

export const session = {
  editorKey: (): string => read<string>(KEY) ?? '',
  setEditorKey: (key: string): void => write(KEY, key || null),
  lastPage: (): PageInputData | null => read<PageInputData>(LAST),
  setLastPage: (page: PageInputData): void => write(LAST, page),
  page: (key: string): { input: PageInputData; decisions: Decisions | null } | null => read(PAGE + key),
  setPage: (key: string, input: PageInputData, decisions: Decisions | null): void =>
    write(PAGE + key, { input, decisions }),
};
