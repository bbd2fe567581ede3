// The web pages of OneDial's browser tests, served by harness.mjs.

const head = (title) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<script>
  // What the OneDial content script reports when its scan goes idle.
  window.__onedialIdle = [];
  document.addEventListener('onedial:idle', (e) => window.__onedialIdle.push(JSON.parse(e.detail)));
</script></head>`;

/** The tel: links the static page must get, in document order. */
export const STATIC_LINKS = [
  ['138-0013-8000', 'tel:+8613800138000'],
  ['(010) 6552 9988', 'tel:+861065529988'],
  ['+86 139 0013 9000', 'tel:+8613900139000'],
  ['0755-86013388', 'tel:+8675586013388'],
  ['15012345678', 'tel:+8615012345678'],
  ['186 1234 5678', 'tel:+8618612345678'],
  ['13711112222', 'tel:+8613711112222'],
  ['１３６００００１２３４', 'tel:+8613600001234'],
];

const staticPage = () => `${head('OneDial static test page')}<body>
<h1>客户资料</h1>
<p id="p1">联系人：王经理，手机 138-0013-8000，座机 (010) 6552 9988。</p>
<p id="p2">Call +86 139 0013 9000 or 0755-86013388 today.</p>
<p id="p3">客服 400-810-5688，香港 +852 2123 4567，美国 +1 650 253 0000</p>
<p id="p4">订单号 202405121380013800，日期 2024-05-12 13:30，金额 ¥13800138000，共计13800138000元，
  身份证 110101199003078515，卡号 6222 0212 3456 7890 123，银行卡 6217001234567890</p>
<p id="p5">广州 020-83338888 转 8001</p>
<table><tr><td>张三</td><td>15012345678</td></tr><tr><td>李四</td><td><span>186 1234 5678</span></td></tr></table>
<p>分<b>开</b>的 13711112222 和全角 １３６００００１２３４</p>
<div id="skipped">
  <textarea id="ta">13800000001</textarea>
  <input id="in" value="13800000002">
  <select id="sel"><option>13800000003</option></select>
  <script>window.__scriptText = "13800000004";</script>
  <style>/* 13800000005 */</style>
  <code>13800000006</code>
  <pre>13800000007</pre>
  <div contenteditable="true" id="ce">13800000008 <span>13800000009</span></div>
  <a id="l1" href="https://example.invalid/13800000010">13800000010</a>
  <a id="l2" href="tel:13800000011">拨打 13800000011</a>
  <button>13800000012</button>
</div>
<script>
  window.__originalText = document.body.textContent;
  window.__skippedHTML = document.getElementById('skipped').innerHTML;
</script></body></html>`; // nothing after the script: the snapshot above is the whole text

/** The dynamic page adds DYNAMIC_LINKS dialable numbers after loading. */
export const DYNAMIC_LINKS = 13;

const dynamicPage = () => `${head('OneDial dynamic test page (like a web CRM)')}<body>
<h1>来电记录</h1>
<p id="status">等待中</p>
<ul id="calls"></ul>
<div id="late"></div>
<script>
  // Like a web CRM: rows arrive after load, on a timer; a status line's text
  // node changes; a block arrives as HTML; a textarea arrives with a number.
  let n = 0;
  const calls = document.getElementById('calls');
  function addRow() {
    const li = document.createElement('li');
    li.textContent = '来电 ' + n + '：139-0000-' + String(1000 + n);
    calls.append(li);
    n += 1;
  }
  setTimeout(addRow, 0);
  const timer = setInterval(() => {
    addRow();
    if (n >= 10) {
      clearInterval(timer);
      document.getElementById('status').firstChild.data = '请回拨 13700001111';
      document.getElementById('late').innerHTML =
        '<p><span>王五</span> <em>177 1234 5678</em></p><p>传真 021-64377000</p><textarea>13800000001</textarea>';
      window.__done = true;
    }
  }, 60);
</script>
</body></html>`;

/** The large page: LARGE_COUNT numbers, one per list item. */
export const LARGE_COUNT = 10000;
export const largeNumber = (i) => `138-${String(Math.floor(i / 10000)).padStart(4, '0')}-${String(i % 10000).padStart(4, '0')}`;

const largePage = () => {
  const items = [];
  for (let i = 0; i < LARGE_COUNT; i += 1) items.push(`<li>客户 ${i + 1}：${largeNumber(i)}，备注无</li>`);
  return `${head('OneDial large test page')}<body>
<script>
  // The longest gap between two timer ticks while the page loads and
  // OneDial scans it: how long the page was unresponsive at worst.
  window.__maxGap = 0;
  let last = performance.now();
  setInterval(() => { const now = performance.now(); window.__maxGap = Math.max(window.__maxGap, now - last); last = now; }, 10);
</script>
<ol>${items.join('\n')}</ol>
</body></html>`;
};

export const pages = {
  '/static.html': staticPage,
  '/dynamic.html': dynamicPage,
  '/large.html': largePage,
};
