/**
 * The reader's own stylesheet and its one script, as strings because tsc does
 * not copy .css/.js files into dist/. Both are served as files with a content
 * hash, so the page's CSP needs no 'unsafe-inline' and phones cache them.
 */

/**
 * The live banner: subscribes to articles published in the page's language
 * (settings from the page's JSON data block, the operation from
 * reader.operations.ts) and shows a link to each new one. Text goes in through
 * textContent only. Without JavaScript the pages work the same, minus the banner.
 */
export const READER_LIVE_JS = `'use strict';
(function () {
  var settings = document.getElementById('habari-live');
  var banner = document.getElementById('live');
  if (!settings || !banner || !window.graphqlWs) return;
  var config = JSON.parse(settings.textContent);
  var endpoint = new URL(config.graphqlPath, window.location.href);
  var url = (endpoint.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + endpoint.host + endpoint.pathname;
  var client = graphqlWs.createClient({ url: url, retryAttempts: 1000, shouldRetry: function () { return true; } });
  function localPath(href) {
    return href.indexOf(config.publicBaseUrl + '/') === 0 ? href.slice(config.publicBaseUrl.length) : href;
  }
  client.subscribe(
    { query: config.query, variables: { language: config.language } },
    {
      next: function (result) {
        var event = result.data && result.data.articlePublished;
        if (!event) return;
        var link = document.createElement('a');
        link.href = localPath(event.article.url);
        link.lang = event.article.language;
        link.textContent = event.article.title;
        var label = document.createElement('span');
        label.textContent = config.text + ' ';
        banner.replaceChildren(label, link);
      },
      error: function () {},
      complete: function () {},
    },
  );
})();
`;

export const READER_CSS = `:root{color-scheme:light;--ink:#1a1a1a;--muted:#555;--line:#ddd;--accent:#8a1c1c;--bg:#fff}
*{box-sizing:border-box}
body{margin:0 auto;max-width:42rem;padding:0 1rem;font:1.0625rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Ethiopic",sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
a:focus,button:focus,input:focus{outline:3px solid #1f5fbf;outline-offset:2px}
header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;padding:.75rem 0;border-bottom:2px solid var(--accent)}
.brand{font-weight:800;font-size:1.5rem;text-decoration:none}
form[role=search]{display:flex;gap:.25rem;align-items:center;flex:1 1 14rem}
form[role=search] label{position:absolute;left:-9999px}
input[type=search]{flex:1;min-width:0;font:inherit;padding:.35rem .5rem;border:1px solid #767676;border-radius:4px}
button{font:inherit;padding:.35rem .75rem;border:0;border-radius:4px;background:var(--accent);color:#fff}
.skip,.visually-hidden{position:absolute;left:-9999px}
.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.25rem .5rem}
.live:empty{display:none}
.live{margin:.75rem 0;padding:.6rem .8rem;border-radius:4px;background:#fff4d6;border:1px solid #e0b84c}
h1{font-size:1.6rem;line-height:1.25;margin:1rem 0 .5rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.cards,.links,.sections,.languages{list-style:none;padding:0;margin:0}
.cards li{padding:.6rem 0;border-bottom:1px solid var(--line)}
.cards a{font-weight:600;text-decoration:none}
.cards p{margin:.2rem 0}
.meta,.count,.crumbs,figcaption,.source{color:var(--muted);font-size:.9rem}
.sections,.languages{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:1rem 0}
.standfirst{font-size:1.15rem;font-weight:500}
figure{margin:1rem 0}
img{max-width:100%;height:auto}
.credit{font-style:italic}
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid var(--line)}
mark{background:#ffe58a;color:inherit}
.links li{margin:.35rem 0}
.pager{display:flex;justify-content:space-between;gap:1rem;margin:1.5rem 0}
.pager a span{display:block;font-size:.85rem;color:var(--muted)}
footer{margin:2rem 0 1rem;border-top:1px solid var(--line)}
`;
