/**
 * The demo storefront, help-center and contact pages. They embed the widget exactly as a
 * merchant would: one script tag, nothing else, under a strict Content-Security-Policy.
 */
import { safeHtml, type SafeHtml } from '../../services/mail/html.ts'

function page(title: string, widgetKey: string, body: SafeHtml): string {
  return safeHtml`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Porchlight demo store</title>
<link rel="stylesheet" href="/demo/demo.css">
</head>
<body>
<header class="site"><a href="/">Lumen &amp; Loom</a><nav><a href="/">Shop</a> <a href="/help">Help center</a> <a href="/contact">Contact</a></nav></header>
<main>
${body}
</main>
<script async src="/porchlight.js" data-store="${widgetKey}"></script>
</body>
</html>
`.toString()
}

export function storefrontPage(widgetKey: string): string {
  return page(
    'Shop',
    widgetKey,
    safeHtml`<h1>Lumen &amp; Loom</h1>
<p>Hand-thrown ceramics and linen for slow mornings. Questions about an order? Use the chat button.</p>
<ul class="products">
<li>Stoneware mug · €24</li><li>Linen napkins (set of 4) · €32</li><li>Serving bowl · €58</li>
</ul>`,
  )
}

export function helpCenterPage(widgetKey: string): string {
  return page(
    'Help center',
    widgetKey,
    safeHtml`<h1>Help center</h1>
<p>Sign in with a code to follow your orders, request a return or report a problem.</p>
<div data-porchlight="portal"></div>`,
  )
}

export function contactPage(widgetKey: string): string {
  return page(
    'Contact us',
    widgetKey,
    safeHtml`<h1>Contact us</h1>
<p>Send us a message; sign in to attach one of your orders.</p>
<div data-porchlight="contact"></div>`,
  )
}

export const demoCss = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#222;background:#faf8f5}
header.site{display:flex;justify-content:space-between;align-items:center;padding:1rem 2rem;background:#fff;border-bottom:1px solid #eee}
header.site a{color:#222;text-decoration:none;margin-left:1rem}
main{max-width:52rem;margin:0 auto;padding:2rem}
.products{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:1rem;list-style:none;padding:0}
.products li{background:#fff;border:1px solid #eee;border-radius:8px;padding:2rem 1rem}
[data-porchlight]{min-height:560px}
`
