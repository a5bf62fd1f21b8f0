import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/reports/markdown.ts';

describe('the recommendations Markdown subset', () => {
  it.each([
    ['Một đoạn\nnối dòng.', '<p>Một đoạn nối dòng.</p>'],
    ['- một\n- **hai**', '<ul><li>một</li><li><strong>hai</strong></li></ul>'],
    ['1. một\n2. hai', '<ol><li>một</li><li>hai</li></ol>'],
    ['Mở đầu\n\n- ý', '<p>Mở đầu</p>\n<ul><li>ý</li></ul>'],
    ['<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['## Tiêu đề', '<p>Tiêu đề</p>'],
  ])('%j', (md, html) => expect(markdownToHtml(md)).toBe(html));
});
