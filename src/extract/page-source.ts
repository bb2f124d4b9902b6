/**
 * The page splitter the extractor uses (part 1 of issue 10, src/extract/page/): one import point, so the
 * statement extractor depends on the splitter's contract only.
 */
export { splitPage } from './page/split-page';
export type { PageArticle, SplitPageOptions } from './page/page.model';
