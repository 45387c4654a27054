import { Router } from 'express';
import type { i18n } from 'i18next';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const sections = ['stored', 'shared', 'why', 'howLong', 'health', 'rights', 'urgent'] as const;

/**
 * GET /privacy: the privacy statement the assistant links to, from locales/<lng>/privacy.json
 * (Dutch by default, ?lang=en), with the retention periods actually configured.
 */
export function privacyRouter(i18next: i18n, options: { conversationDays: number; caseDays: number; demoWidgetTenant: string | null }): Router {
  const router = Router();
  router.get(['/privacy', '/privacy.html'], (req, res) => {
    const lng = req.query.lang === 'en' ? 'en' : 'nl';
    const t = i18next.getFixedT(lng, 'privacy');
    const text = (key: string) => escapeHtml(String(t(key, { days: options.conversationDays, caseDays: options.caseDays })));
    const body = sections.map((s) => `<h2>${text(`sections.${s}.heading`)}</h2>\n    <p>${text(`sections.${s}.text`)}</p>`).join('\n    ');
    const widget = options.demoWidgetTenant ? `\n  <script src="/widget.js" data-tenant="${escapeHtml(options.demoWidgetTenant)}" async></script>` : '';
    res.type('html').send(`<!doctype html>
<html lang="${lng}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${text('title')}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/demo.css"></head>
<body>
  <header class="site"><strong>Wachtwijzer</strong></header>
  <main>
    <h1>${text('title')}</h1>
    <p>${text('intro')}</p>
    ${body}
    <p><a href="/privacy?lang=${lng === 'nl' ? 'en' : 'nl'}" hreflang="${lng === 'nl' ? 'en' : 'nl'}">${text('otherLanguage')}</a> · <a href="/">${text('back')}</a></p>
  </main>${widget}
</body>
</html>
`);
  });
  return router;
}
