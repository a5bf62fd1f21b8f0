/**
 * The small Markdown subset officials use in data/report-recommendations/*.md, rendered to safe HTML (pure):
 * paragraphs (blank-line separated), "- " / "* " bullet lists, "1. " numbered lists and **bold**. Everything else is
 * text; every character is HTML-escaped first, so the file can never inject markup.
 */

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function inline(text: string): string {
  return escapeHtml(text).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
}

/** One block of the Markdown subset: a paragraph (one item) or a list (one item per entry); items keep their **bold**. */
export interface MarkdownBlock {
  kind: 'p' | 'ul' | 'ol';
  items: string[];
}

/** Parses the Markdown subset into paragraphs and lists (for HTML and Word alike). */
export function parseMarkdown(markdown: string): MarkdownBlock[] {
  const out: MarkdownBlock[] = [];
  let list = null as MarkdownBlock | null;
  let para: string[] = [];
  const flushPara = () => {
    if (para.length > 0) out.push({ kind: 'p', items: [para.join(' ')] });
    para = [];
  };
  const flushList = () => {
    if (list) out.push(list);
    list = null;
  };
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    const numbered = /^\d+[.)]\s+(.*)$/.exec(line);
    if (bullet || numbered) {
      flushPara();
      const kind = bullet ? 'ul' : 'ol';
      if (list?.kind !== kind) flushList();
      list ??= { kind, items: [] };
      list.items.push((bullet ?? numbered)![1]!);
    } else if (line === '') {
      flushPara();
      flushList();
    } else if (list && /^\s+/.test(raw)) {
      const items: string[] = list.items;
      items[items.length - 1] += ` ${line}`;
    } else {
      flushList();
      para.push(line.replace(/^#+\s*/, ''));
    }
  }
  flushPara();
  flushList();
  return out;
}

/** Splits an item into runs of plain and **bold** text. */
export function inlineRuns(text: string): { text: string; bold: boolean }[] {
  return text.split(/\*\*(.+?)\*\*/).map((t, i) => ({ text: t, bold: i % 2 === 1 })).filter((r) => r.text !== '');
}

/** Renders the Markdown subset to HTML blocks (p, ul, ol). */
export function markdownToHtml(markdown: string): string {
  return parseMarkdown(markdown)
    .map((b) => (b.kind === 'p' ? `<p>${inline(b.items[0]!)}</p>` : `<${b.kind}>${b.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${b.kind}>`))
    .join('\n');
}
