package dev.refrain.report;

/**
 * The inline style sheet and script of the HTML report. No external assets of any kind, no
 * {@code style} attributes and no inline event handlers: the page's Content-Security-Policy
 * ({@link HtmlPolicy}) allows this style sheet and this script by their hashes, and nothing else.
 */
final class HtmlStyle {
  private HtmlStyle() {}

  static final String CSS = baseCss() + shades();

  /** {@code .s0} to {@code .s20}: a matrix cell's blue, deeper by 5% of containment a step. */
  private static String shades() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i <= 20; i++) {
      b.append(String.format(java.util.Locale.ROOT,
          ".s%d { background-color: rgba(37, 99, 235, %.2f); }%n", i, 0.06 + 0.84 * i / 20.0)
          .replace("\r\n", "\n"));
    }
    return b.toString();
  }

  private static String baseCss() {
    return
      """
      :root {
        color-scheme: light;
        --fg: #1f2937; --muted: #6b7280; --line: #e5e7eb; --soft: #f8fafc;
        --accent: #1d4ed8; --passage: #fde68a; --boiler: #e2e8f0;
        --del: #fecaca; --del-fg: #7f1d1d; --ins: #bbf7d0; --ins-fg: #14532d;
      }
      * { box-sizing: border-box; }
      [hidden] { display: none !important; }
      html { scroll-padding-top: 6.5rem; }
      body {
        margin: 0; color: var(--fg); background: #fff;
        font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
          "Noto Sans", sans-serif;
      }
      a { color: var(--accent); text-decoration: none; }
      a:hover { text-decoration: underline; }
      code, .path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        font-size: .88em; }
      header.top {
        position: sticky; top: 0; z-index: 10; background: rgba(255, 255, 255, .94);
        border-bottom: 1px solid var(--line); backdrop-filter: blur(4px);
      }
      header.top nav { max-width: 1280px; margin: 0 auto; padding: .6rem 1.5rem;
        display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; align-items: baseline; }
      header.top .brand { font-weight: 700; color: var(--fg); margin-right: auto; }
      main { max-width: 1280px; margin: 0 auto; padding: 0 1.5rem 4rem; }
      h1 { font-size: 1.7rem; margin: 1.5rem 0 .8rem; }
      h2 { font-size: 1.3rem; margin: 2.5rem 0 .8rem; padding-bottom: .3rem;
        border-bottom: 1px solid var(--line); }
      h3 { font-size: 1.08rem; margin: 0 0 .4rem; }
      .muted { color: var(--muted); }
      .legend { color: var(--muted); font-size: .9rem; }
      .stats { display: flex; flex-wrap: wrap; gap: .8rem; margin: .5rem 0; }
      .stat { border: 1px solid var(--line); border-radius: 8px; padding: .5rem 1rem;
        background: var(--soft); min-width: 7rem; }
      .stat b { display: block; font-size: 1.5rem; }
      .stat span { color: var(--muted); font-size: .85rem; }
      details.settings { margin: 1rem 0; }
      details.settings summary { cursor: pointer; font-weight: 600; }
      table { border-collapse: collapse; }
      th, td { text-align: left; vertical-align: top; padding: .3rem .6rem; }
      table.kv th { font-weight: 500; color: var(--muted); }
      table.grid { width: 100%; font-size: .92rem; }
      table.grid th { border-bottom: 2px solid var(--line); white-space: nowrap; }
      table.grid td { border-bottom: 1px solid var(--line); }
      table.grid tbody tr:hover { background: var(--soft); }
      .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      .scroll { overflow-x: auto; }
      tr:target { background: #eff6ff; }
      .problems ul { padding-left: 1.2rem; }
      .badge { display: inline-block; font-size: .75rem; line-height: 1.4; padding: 0 .45rem;
        border-radius: 999px; background: #e0e7ff; color: #3730a3; font-weight: 600; }
      .badge.k-boilerplate { background: var(--boiler); color: #334155; }
      .badge.k-verbatim { background: #fef3c7; color: #92400e; }
      .badge.k-variant { background: #dcfce7; color: #166534; }
      .badge.k-numbers-changed, .badge.k-names-changed { background: #fee2e2; color: #991b1b; }
      .badge.k-reworded, .badge.k-trimmed, .badge.k-extended, .badge.k-spelling { background: #dcfce7; color: #166534; }
      .badge.k-skipped, .badge.k-missing { background: #fee2e2; color: #991b1b; }
      .badge.k-warning { background: #fef9c3; color: #854d0e; }
      meter.bar { width: 3.5rem; height: .6rem; vertical-align: middle; }
      bdi .ctl, .ctl { font-family: ui-monospace, monospace; font-size: .8em; }
      table.matrix { font-size: .8rem; }
      table.matrix th { font-weight: 500; color: var(--muted); text-align: center; }
      table.matrix th.rowh { text-align: left; max-width: 18rem; overflow: hidden;
        text-overflow: ellipsis; white-space: nowrap; }
      table.matrix td { width: 3.6rem; min-width: 3.6rem; height: 2rem; text-align: center;
        border: 1px solid #fff; background: #f9fafb; }
      table.matrix td.diag { background: repeating-linear-gradient(45deg, #f3f4f6 0 4px,
        #fff 4px 8px); }
      table.matrix td.cell a { color: #1e3a8a; display: block; }
      table.matrix td.cell.dark a { color: #fff; }
      .swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: 2px;
        vertical-align: -2px; margin-left: .3rem; }
      section.pair { margin: 2.5rem 0; padding-top: 1rem; border-top: 1px solid var(--line); }
      .meta { color: var(--muted); font-size: .9rem; margin: 0 0 .8rem; }
      .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
      .side { min-width: 0; border: 1px solid var(--line); border-radius: 8px;
        background: var(--soft); }
      .side-head { padding: .45rem .8rem; border-bottom: 1px solid var(--line);
        font-size: .9rem; overflow-wrap: anywhere; }
      .tag { display: inline-block; width: 1.3rem; text-align: center; border-radius: 4px;
        background: var(--fg); color: #fff; font-size: .75rem; font-weight: 700; }
      .text { white-space: pre-wrap; overflow-wrap: anywhere; padding: .6rem .8rem;
        font-size: .93rem; line-height: 1.6; unicode-bidi: plaintext; text-align: start; }
      .filters { position: sticky; top: 2.6rem; z-index: 5; background: #fff;
        border: 1px solid var(--line); border-radius: 8px; padding: .45rem .8rem;
        margin: 1.5rem 0 0; display: flex; flex-wrap: wrap; gap: .3rem 1rem;
        align-items: center; font-size: .9rem; }
      .filters label { white-space: nowrap; cursor: pointer; }
      .filters input[type=range] { width: 7rem; vertical-align: middle; }
      .filter-status { color: var(--muted); margin-left: auto; }
      .rows { border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
      .row-head { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1rem;
        background: var(--soft); padding: .45rem .8rem; font-size: .9rem;
        border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
      .row { display: grid; grid-template-columns: 1fr 1fr; gap: .3rem 1rem;
        padding: .6rem .8rem; border-bottom: 1px solid var(--line); }
      .row:last-child { border-bottom: 0; }
      .row:target { background: #eff6ff; }
      .row-meta, .row .inline { grid-column: 1 / -1; }
      .row-meta { font-size: .85rem; color: var(--muted); }
      .row .cell { min-width: 0; white-space: pre-wrap; overflow-wrap: anywhere;
        font-size: .93rem; line-height: 1.6; unicode-bidi: plaintext; text-align: start; }
      .row .cell .tag { margin-inline-end: .3rem; }
      .row .inline { color: var(--muted); }
      details.full { margin-top: .8rem; }
      details.full > summary { cursor: pointer; font-weight: 600; margin-bottom: .6rem; }
      mark.passage { background: var(--passage); color: inherit; border-radius: 2px;
        padding: 1px 0; }
      mark.passage.boilerplate { background: var(--boiler); }
      mark.passage:target, mark.passage.peer { outline: 2px solid var(--accent);
        outline-offset: 1px; }
      sup.pn { font-size: .68rem; font-weight: 700; margin-right: .15rem;
        user-select: none; }
      mark del, mark ins { text-decoration: none; border-radius: 2px; }
      mark del { background: var(--del); color: var(--del-fg); }
      mark ins { background: var(--ins); color: var(--ins-fg); }
      .inline { font-size: .9rem; overflow-wrap: anywhere; }
      .inline del { background: var(--del); color: var(--del-fg); border-radius: 2px; }
      .inline ins { background: var(--ins); color: var(--ins-fg); text-decoration: none;
        border-radius: 2px; }
      .legend del { background: var(--del); color: var(--del-fg); }
      .legend ins { background: var(--ins); color: var(--ins-fg); text-decoration: none; }
      table.passages { margin-top: 1rem; }
      .cluster { margin: 1.5rem 0; padding: .8rem 1rem; border: 1px solid var(--line);
        border-radius: 8px; }
      .cluster:target { border-color: var(--accent); }
      .occ { margin: .5rem 0; padding: .3rem 0 .3rem .8rem; border-left: 3px solid var(--line); }
      .occ.canonical { border-left-color: var(--accent); }
      .occ .text { padding: .2rem 0; }
      .occ-head { font-size: .85rem; }
      @media (max-width: 800px) {
        .sides { grid-template-columns: 1fr; }
        main { padding: 0 .8rem 3rem; }
      }
      @media (max-width: 640px) {
        body { font-size: 14px; }
        header.top nav { padding: .5rem .8rem; gap: .2rem .8rem; }
        .row, .row-head { grid-template-columns: 1fr; }
        .filters { position: static; }
        html { scroll-padding-top: 4.5rem; }
        .stat { min-width: 5.5rem; padding: .4rem .7rem; }
        th, td { padding: .25rem .4rem; }
      }
      """;
  }

  /**
   * Optional niceties; the page reads the same without them. Hovering a passage outlines its
   * counterpart in the other article; the filter bar gets a checkbox per passage kind found in
   * the rows' {@code data-kinds} and a lowest-similarity slider, which hide the rows they leave
   * out, and the pairs left with none.
   */
  static final String SCRIPT =
      """
      (function () {
        'use strict';
        document.querySelectorAll('mark[data-peer]').forEach(function (m) {
          var peer = document.getElementById(m.getAttribute('data-peer'));
          if (!peer) return;
          m.addEventListener('mouseenter', function () { peer.classList.add('peer'); });
          m.addEventListener('mouseleave', function () { peer.classList.remove('peer'); });
        });
        var bar = document.getElementById('filters');
        var rows = Array.prototype.slice.call(document.querySelectorAll('.row[data-kinds]'));
        if (!bar || rows.length === 0) return;
        function kindsOf(row) {
          return row.getAttribute('data-kinds').split(' ').filter(function (k) { return k; });
        }
        var counts = {};
        rows.forEach(function (row) {
          kindsOf(row).forEach(function (k) { counts[k] = (counts[k] || 0) + 1; });
        });
        var boxes = {};
        var min = document.createElement('input');
        var status = document.createElement('span');
        function apply() {
          var floor = parseFloat(min.value);
          var shown = 0;
          rows.forEach(function (row) {
            var keep = kindsOf(row).some(function (k) { return boxes[k].checked; })
                && parseFloat(row.getAttribute('data-similarity')) >= floor - 1e-9;
            row.hidden = !keep;
            if (keep) shown++;
          });
          document.querySelectorAll('section.pair').forEach(function (pair) {
            pair.hidden = pair.querySelector('.row[data-kinds]') !== null
                && pair.querySelector('.row[data-kinds]:not([hidden])') === null;
          });
          status.textContent = shown + ' of ' + rows.length + ' passages shown';
        }
        bar.textContent = '';
        var title = document.createElement('b');
        title.textContent = 'Passages:';
        bar.appendChild(title);
        Object.keys(counts).sort().forEach(function (k) {
          var label = document.createElement('label');
          var box = document.createElement('input');
          box.type = 'checkbox';
          box.checked = true;
          box.name = 'kind';
          box.value = k;
          box.addEventListener('change', apply);
          boxes[k] = box;
          label.appendChild(box);
          label.appendChild(document.createTextNode(' ' + k + ' (' + counts[k] + ')'));
          bar.appendChild(label);
        });
        var minLabel = document.createElement('label');
        min.type = 'range';
        min.name = 'min-similarity';
        min.min = '0';
        min.max = '1';
        min.step = '0.05';
        min.value = '0';
        var minValue = document.createElement('span');
        minValue.textContent = '0.00';
        min.addEventListener('input', function () {
          minValue.textContent = parseFloat(min.value).toFixed(2);
          apply();
        });
        minLabel.appendChild(document.createTextNode('similarity \u2265 '));
        minLabel.appendChild(min);
        minLabel.appendChild(document.createTextNode(' '));
        minLabel.appendChild(minValue);
        bar.appendChild(minLabel);
        status.className = 'filter-status';
        status.setAttribute('aria-live', 'polite');
        bar.appendChild(status);
        apply();
      })();
      """;
}
