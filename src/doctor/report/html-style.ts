/**
 * The HTML report's only stylesheet, inline: the file is mailed, attached to tickets and opened offline, so it
 * must not fetch anything. Mobile first; tables scroll sideways instead of squeezing.
 */
export const HTML_STYLE = `
:root{--ok:#1a7f37;--warn:#9a6700;--bad:#cf222e;--skip:#6e7781;--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0}
@media (prefers-color-scheme:dark){:root{--ok:#3fb950;--warn:#d29922;--bad:#f85149;--skip:#8b949e;--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#161b22;--line:#30363d}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Apple SD Gothic Neo","Malgun Gothic",sans-serif}
main{max-width:960px;margin:0 auto;padding:12px}
h1{font-size:1.3rem;margin:0 0 4px}h2{font-size:1.1rem;margin:24px 0 8px}h3{font-size:1rem;margin:8px 0 4px}
p{margin:4px 0}
code,pre{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px;overflow-x:auto;margin:6px 0}
pre code{user-select:all}
.verdict{border-radius:8px;padding:12px;border-left:6px solid}
.verdict-healthy{border-color:var(--ok)}.verdict-warnings{border-color:var(--warn)}.verdict-problems{border-color:var(--bad)}
.verdict,.panel{background:var(--panel)}
.panel{border:1px solid var(--line);border-radius:8px;padding:10px 12px}
.muted{color:var(--muted);font-size:.9em}
.s-ok{color:var(--ok)}.s-warn{color:var(--warn)}.s-skipped{color:var(--skip)}.s-fail,.s-expired,.s-missing{color:var(--bad)}
.badge{display:inline-block;border-radius:4px;padding:0 6px;font-size:.8em;font-weight:600;color:#fff;margin-right:6px}
.u-critical{background:var(--bad)}.u-high{background:#bc4c00}.u-medium{background:var(--warn)}.u-low{background:var(--skip)}
ol.problems{padding-left:1.4em}ol.problems li{margin-bottom:12px}
dl.evidence{display:grid;grid-template-columns:minmax(6em,max-content) 1fr;gap:2px 10px;margin:6px 0;font-size:.9em}
dl.evidence dt{color:var(--muted)}dl.evidence dd{margin:0;overflow-wrap:anywhere}
.timeline{display:grid;gap:4px}
.tl-row{display:grid;grid-template-columns:minmax(7em,11em) 1fr 4.5em;gap:8px;align-items:center;font-size:.9em}
.tl-track{position:relative;height:14px;background:var(--panel);border-radius:3px}
.tl-bar{position:absolute;top:0;bottom:0;border-radius:3px;min-width:2px}
.tl-bar.s-ok{background:var(--ok)}.tl-bar.s-warn{background:var(--warn)}.tl-bar.s-skipped{background:var(--skip)}
.tl-bar.s-fail,.tl-bar.s-expired,.tl-bar.s-missing{background:var(--bad)}
.tl-ms{text-align:right;color:var(--muted)}
details{border:1px solid var(--line);border-radius:8px;padding:6px 10px;margin-bottom:6px}
summary{cursor:pointer}
.scroll{overflow-x:auto}
table{border-collapse:collapse;font-size:.85em;width:100%}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;white-space:nowrap}
td.url{white-space:normal;overflow-wrap:anywhere;min-width:16em}
footer{margin:24px 0 8px}
@media (max-width:520px){.tl-row{grid-template-columns:1fr 3.5em}.tl-label{grid-column:1/-1}}
`;
