/**
 * The report's only script, inlined with the page's nonce. It reads nothing but the page's own data
 * attributes: filters hide rows, and inside the VS Code webview (`data-host="webview"`) links and
 * buttons post messages to the extension, which validates them. Without scripts the whole report shows.
 */
export const REPORT_SCRIPT = `
(function () {
  'use strict';
  var body = document.body;
  var vscode = body.getAttribute('data-host') === 'webview' && typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  var filters = document.getElementById('filters');
  if (filters) filters.hidden = false;
  function value(id) {
    var element = document.getElementById(id);
    return element ? element.value : '';
  }
  function matches(element, attribute, wanted) {
    if (wanted === '') return true;
    var values = (element.getAttribute(attribute) || '').split(' ');
    return values.indexOf(wanted) >= 0;
  }
  function applyFilters() {
    var group = value('filter-group');
    var severity = value('filter-severity');
    var api = value('filter-api');
    document.querySelectorAll('li.finding').forEach(function (item) {
      item.hidden = !(matches(item, 'data-severity', severity) && (api === '' || item.getAttribute('data-api-key') === api));
    });
    document.querySelectorAll('details.file').forEach(function (file) {
      file.hidden = file.querySelector('li.finding:not([hidden])') === null;
    });
    document.querySelectorAll('details.rule').forEach(function (rule) {
      rule.hidden = rule.querySelector('li.finding:not([hidden])') === null;
    });
    document.querySelectorAll('section.group').forEach(function (section) {
      var hasRules = section.querySelector('details.rule') !== null;
      section.hidden = !matches(section, 'data-group', group) || (hasRules && section.querySelector('details.rule:not([hidden])') === null);
    });
    document.querySelectorAll('tr.coverage-row').forEach(function (row) {
      row.hidden = api !== '' && row.getAttribute('data-api-key') !== api;
    });
  }
  document.querySelectorAll('#filters select').forEach(function (select) {
    select.addEventListener('change', applyFilters);
  });
  if (!vscode) return;
  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target.closest('[data-action], a[data-file]') : null;
    if (!target) return;
    event.preventDefault();
    // VS Code's webview host listens for clicks on the window and opens every link's href itself,
    // preventDefault or not; stopping here keeps it from also opening the vscode://file fallback.
    event.stopPropagation();
    if (target.hasAttribute('data-file')) {
      vscode.postMessage({
        type: 'open',
        file: target.getAttribute('data-file'),
        line: Number(target.getAttribute('data-line')),
        column: Number(target.getAttribute('data-column'))
      });
    } else if (target.getAttribute('data-action') === 'export') {
      vscode.postMessage({ type: 'export', format: target.getAttribute('data-format') });
    } else if (target.getAttribute('data-action') === 'rerun') {
      vscode.postMessage({ type: 'rerun' });
    }
  });
})();
`;
