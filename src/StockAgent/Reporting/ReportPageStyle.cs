namespace StockAgent.Reporting;

/// <summary>The style sheet of a <see cref="ReportPage"/>: one readable column (at most 1100 px), system fonts only, charts
/// the column's full width, tables with right-aligned tabular numbers, and a print layout without the contents box.</summary>
internal static class ReportPageStyle
{
    public const string Css = """
        :root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --rule: #d9e2ec; --band: #f5f7fa; --link: #1f5fa8; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5;
               font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 64px; }
        h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 0.5em; }
        h1 { font-size: 1.9rem; margin-top: 0.4em; }
        h2 { font-size: 1.45rem; padding-bottom: 0.2em; border-bottom: 1px solid var(--rule); }
        h3 { font-size: 1.2rem; }
        h4 { font-size: 1.05rem; }
        p, ul { margin: 0.6em 0; }
        a { color: var(--link); }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.9em;
               background: var(--band); padding: 0.1em 0.3em; border-radius: 3px; }
        nav.toc { background: var(--band); border: 1px solid var(--rule); border-radius: 6px; padding: 10px 18px; margin: 16px 0 8px; }
        nav.toc .toc-title { font-weight: 600; margin: 0 0 4px; }
        nav.toc ul { list-style: none; padding-left: 0; margin: 0; columns: 2 320px; }
        nav.toc li { margin: 2px 0; break-inside: avoid; }
        nav.toc li.toc-1 { padding-left: 1.2em; font-size: 0.95em; }
        nav.toc li.toc-2 { padding-left: 2.4em; font-size: 0.9em; }
        nav.toc a { text-decoration: none; }
        nav.toc a:hover { text-decoration: underline; }
        .table-wrap { overflow-x: auto; margin: 12px 0 20px; }
        table { border-collapse: collapse; font-size: 0.92rem; min-width: 50%; }
        caption { caption-side: top; text-align: left; font-weight: 600; padding: 0 0 6px; }
        th, td { padding: 5px 12px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #9fb3c8; background: var(--band); white-space: nowrap; }
        tbody tr:nth-child(even) td { background: #fafbfc; }
        th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        figure.chart { margin: 12px 0 28px; break-inside: avoid; page-break-inside: avoid; }
        .report-chart { width: 100%; }
        @media (max-width: 700px) { main { padding: 12px 12px 40px; } body { font-size: 15px; } }
        @media print {
          main { max-width: none; padding: 0; }
          nav.toc { display: none; }
          a { color: inherit; text-decoration: none; }
          h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
          .table-wrap { overflow: visible; }
          tr, figure.chart { break-inside: avoid; page-break-inside: avoid; }
          .modebar-container { display: none !important; }
        }
        """;
}
