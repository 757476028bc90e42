import Markdown from 'react-markdown';
import styles from './content.module.css';

/**
 * An article's markdown, rendered by react-markdown (CommonMark, through React elements — never
 * `innerHTML`): raw HTML in the source is dropped (`skipHtml`), and link and image URLs pass react-markdown's
 * default URL filter (no `javascript:` or other unsafe protocols). Headings move one level down, so the page
 * keeps a single `<h1>` (the page title). Loaded lazily by the article page: the parser stays out of the
 * main bundle.
 */
export default function MarkdownBody({ source }: { source: string }) {
  return (
    <div className={styles.prose}>
      <Markdown skipHtml components={{ h1: 'h2', h2: 'h3', h3: 'h4', h4: 'h5', h5: 'h6' }}>
        {source}
      </Markdown>
    </div>
  );
}
