/**
 * The status page's only stylesheet, inline like the HTML report's (same palette): one column of cards on a
 * phone, a grid on a wide screen; a mall that needs a person is impossible to miss.
 */
export const STATUS_PAGE_STYLE = `
:root{--ok:#1a7f37;--warn:#9a6700;--bad:#cf222e;--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0}
@media (prefers-color-scheme:dark){:root{--ok:#3fb950;--warn:#d29922;--bad:#f85149;--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#161b22;--line:#30363d}}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Apple SD Gothic Neo","Malgun Gothic",sans-serif}
main{max-width:1100px;margin:0 auto;padding:12px}
h1{font-size:1.3rem;margin:0 0 4px}h2{font-size:1.15rem;margin:0;overflow-wrap:anywhere}h3{font-size:.95rem;margin:12px 0 4px}
p{margin:4px 0}
.muted{color:var(--muted);font-size:.9em}
.stale{background:var(--warn);color:#fff;border-radius:6px;padding:6px 10px}
.malls{display:grid;gap:12px;grid-template-columns:repeat(auto-fill,minmax(min(100%,340px),1fr));margin-top:12px}
.mall{background:var(--panel);border:1px solid var(--line);border-left:6px solid var(--ok);border-radius:8px;padding:10px 12px;min-width:0}
.mall[data-state=backoff]{border-left-color:var(--warn)}
.mall[data-state=reauth-required],.mall[data-state=no-token],.mall[data-state=app-deleted],.mall[data-state=app-expired]{border-left-color:var(--bad)}
.mall-head{display:flex;justify-content:space-between;align-items:baseline;gap:8px;flex-wrap:wrap}
.state{font-weight:600;color:var(--ok)}
.mall[data-state=backoff] .state{color:var(--warn)}
.mall[data-state=reauth-required] .state,.mall[data-state=no-token] .state,.mall[data-state=app-deleted] .state,.mall[data-state=app-expired] .state{color:var(--bad)}
.banner{background:var(--bad);color:#fff;border-radius:6px;padding:8px 10px;margin:8px 0;font-weight:600}
.banner pre{background:#fff;color:#1f2328;border:0}
code,pre{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:8px;margin:6px 0;white-space:pre-wrap;overflow-wrap:anywhere}
pre code{user-select:all}
dl.times{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:8px 0}
dl.times dt{color:var(--muted)}dl.times dd{margin:0;overflow-wrap:anywhere}
.countdown{font-variant-numeric:tabular-nums;font-weight:600}
.countdown.expired{color:var(--bad)}
.failures{color:var(--warn);overflow-wrap:anywhere}
ul.events{list-style:none;padding:0;margin:0;font-size:.9em}
ul.events li{border-top:1px solid var(--line);padding:3px 0;overflow-wrap:anywhere}
.verdict{font-weight:600}.v-healthy{color:var(--ok)}.v-warnings{color:var(--warn)}.v-problems{color:var(--bad)}
.cause{overflow-wrap:anywhere}
footer{margin:24px 0 8px}
.cluster{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:10px 12px;margin-top:12px}
.table-wrap{overflow-x:auto}
table.replicas{border-collapse:collapse;width:100%;font-size:.9em}
table.replicas th,table.replicas td{text-align:left;padding:3px 8px 3px 0;border-top:1px solid var(--line);white-space:nowrap}
table.replicas th{color:var(--muted);font-weight:600;border-top:0}
`;
