/**
 * Markup a cell might print or a link might carry, for the XSS tests (safety-xss.test.ts). Every
 * payload, if it ran anywhere, would bump `window.__xss` on the page (or post a message that does).
 */
const H = 'window.__xss++';
const POST = "parent.postMessage('__xss','*')";
export const PAYLOADS = [
  `<script>${H}</script>`,
  `<img src=x onerror="${H}">`,
  `<img src=x onerror="${H};alert(1)">`,
  `<svg onload="${H}"></svg>`,
  `<svg><script>${H}</script></svg>`,
  `<svg><animate onbegin="${H}" attributeName=x dur=1s>`,
  `<svg><a xlink:href="javascript:${H}"><text x=20 y=20>x</text></a></svg>`,
  `<svg xmlns="http://www.w3.org/2000/svg" onload="${POST}"><script>top.__xss++</script></svg>`,
  `<iframe srcdoc="<script>parent.__xss++</script>"></iframe>`,
  `<iframe srcdoc="<img src=x onerror=top.__xss++>"></iframe>`,
  `<iframe srcdoc="<script>${POST}</script>"></iframe>`,
  `<iframe src="javascript:parent.__xss++"></iframe>`,
  `<iframe src="data:text/html,<script>${POST}</script>"></iframe>`,
  `<a href="javascript:${H}" id=xss>click me</a>`,
  `javascript:${H}`,
  `<body onload="${H}">`,
  `<details open ontoggle="${H}">x</details>`,
  `<input autofocus onfocus="${H}">`,
  `<video><source onerror="${H}"></video>`,
  `<audio src=x onerror="${H}">`,
  `<marquee onstart="${H}">x</marquee>`,
  `<div onmouseover="${H}" style="position:fixed;inset:0;z-index:9999">hover</div>`,
  `</pre><script>${H}</script><pre>`,
  `</span></pre><img src=x onerror=${H}>`,
  `"><script>${H}</script>`,
  `'><img src=x onerror=${H}>`,
  `<style>@import 'javascript:${H}';</style>`,
  `<div style="width: expression(${H})">x</div>`,
  `<div style="background:url('javascript:${H}')">x</div>`,
  `<template><img src=x onerror="${H}"></template>`,
  `<div><template shadowrootmode="open"><img src=x onerror="${H}"></template></div>`,
  `<object data="data:text/html,<script>${POST}</script>"></object>`,
  `<embed src="data:text/html,<script>${POST}</script>">`,
  `<object data="javascript:parent.__xss++"></object>`,
  `<script src="data:text/javascript,${H}"></script>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${H}">`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${H}">`,
  `<noscript><p title="</noscript><img src=x onerror=${H}>">`,
  `<form><button formaction="javascript:${H}">x</button></form>`,
  `<base href="javascript:${H}//">`,
  `<link rel=stylesheet href="javascript:${H}">`,
  `<scr<script>ipt>${H}</scr</script>ipt>`,
  `<img src=x onerror=&#119;indow.__xss++>`,
  `<svg><style><img src=x onerror="${H}"></style></svg>`,
];

const encoded = Buffer.from(JSON.stringify(PAYLOADS), 'utf8').toString('base64');
/** Python that puts the payloads in `P`, without any of them in the code itself. */
export const LOAD = `import base64, json, sys\nP = json.loads(base64.b64decode("${encoded}").decode())`;
