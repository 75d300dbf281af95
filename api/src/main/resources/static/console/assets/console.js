// The console's one script: CSRF tokens on htmx requests, charts drawn from their data-chart
// configuration, the validate buttons, and the DRL editor's line numbers and error lines.
(function () {
  'use strict';

  // Spring Security wants the session's CSRF token on every POST; htmx sends it as a header.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  function drawCharts(root) {
    root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      if (window.Chart && !window.Chart.getChart(canvas)) {
        new window.Chart(canvas, JSON.parse(canvas.dataset.chart));
      }
    });
  }

  // A "validate" button sends its form to the validate endpoint (the form's hx-post) instead of submitting it.
  function validateButtons(root) {
    root.querySelectorAll('[data-trigger-validate]').forEach(function (button) {
      if (button.dataset.bound) {
        return;
      }
      button.dataset.bound = 'true';
      button.addEventListener('click', function () {
        window.htmx.trigger(button.form, 'validate');
      });
    });
  }

  function editor(textarea, gutter) {
    function errorLines() {
      var path = (document.getElementById('path') || {}).value;
      var lines = {};
      document.querySelectorAll('.compile-error[data-line]').forEach(function (e) {
        if (!path || e.dataset.file === path) {
          lines[e.dataset.line] = true;
        }
      });
      return lines;
    }
    function number() {
      var count = textarea.value.split('\n').length;
      var bad = errorLines();
      gutter.textContent = '';
      for (var i = 1; i <= count; i++) {
        var span = document.createElement('span');
        span.textContent = i + '\n';
        if (bad[i]) {
          span.className = 'bad';
        }
        gutter.appendChild(span);
      }
      gutter.scrollTop = textarea.scrollTop;
    }
    textarea.addEventListener('input', number);
    textarea.addEventListener('scroll', function () { gutter.scrollTop = textarea.scrollTop; });
    document.body.addEventListener('htmx:afterSwap', number);
    // A click on an error selects its line.
    document.body.addEventListener('click', function (event) {
      var error = event.target.closest('.compile-error[data-line]');
      if (!error || Number(error.dataset.line) < 1) {
        return;
      }
      var lines = textarea.value.split('\n');
      var line = Math.min(Number(error.dataset.line), lines.length);
      var start = 0;
      for (var i = 0; i < line - 1; i++) {
        start += lines[i].length + 1;
      }
      textarea.focus();
      textarea.setSelectionRange(start, start + lines[line - 1].length);
      var height = textarea.scrollHeight / lines.length;
      textarea.scrollTop = Math.max(0, (line - 5) * height);
    });
    number();
  }

  function init(root) {
    drawCharts(root);
    validateButtons(root);
  }

  document.addEventListener('DOMContentLoaded', function () {
    init(document);
    var textarea = document.getElementById('drl');
    var gutter = document.getElementById('gutter');
    if (textarea && gutter) {
      editor(textarea, gutter);
    }
  });
  document.addEventListener('htmx:afterSwap', function (event) { init(event.detail.target); });
})();
