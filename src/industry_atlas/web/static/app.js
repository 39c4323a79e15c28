/* Industry Atlas dashboard: charts, evidence on click, fact -> span, uploads with progress.
   No markup is ever built from data: every text goes in through textContent. */
(function () {
  'use strict';

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function drawCharts() {
    if (typeof echarts === 'undefined') { return; }
    document.querySelectorAll('script[data-chart]').forEach(function (data) {
      var target = document.getElementById(data.getAttribute('data-chart'));
      var chart = echarts.init(target, null, {renderer: 'canvas'});
      chart.setOption(JSON.parse(data.textContent));
      target.setAttribute('data-drawn', 'yes');
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  /* A passage with its marked spans; the source link points at the first span. */
  function passageNode(passage) {
    var quote = element('blockquote', 'passage');
    var position = 0;
    passage.marks.forEach(function (mark) {
      var begin = Math.max(mark[0], position);
      if (begin >= mark[1]) { return; }
      quote.appendChild(document.createTextNode(passage.text.slice(position, begin)));
      quote.appendChild(element('mark', null, passage.text.slice(begin, mark[1])));
      position = mark[1];
    });
    quote.appendChild(document.createTextNode(passage.text.slice(position)));
    var cite = element('cite');
    var link = element('a', null, passage.title || passage.doc_id);
    var first = passage.marks[0] || [0, 0];
    link.href = '/documents/' + encodeURIComponent(passage.doc_id) +
      '?hl=' + (passage.start + first[0]) + '-' + (passage.start + first[1]);
    cite.appendChild(link);
    cite.appendChild(document.createTextNode(' · 第 ' + passage.start + ' 字起'));
    quote.appendChild(cite);
    return quote;
  }

  function showEvidence(panel, data) {
    var body = panel.querySelector('.ev-body');
    body.textContent = '';
    panel.querySelector('.ev-title').textContent = data.region + ' · ' + data.display;
    if (data.note) { body.appendChild(element('p', 'note', data.note)); }
    body.appendChild(element('p', 'hint', '共 ' + data.total + ' 条依据' +
      (data.total > data.items.length ? '，显示前 ' + data.items.length + ' 条' : '')));
    data.items.forEach(function (item) {
      var block = element('div', 'evidence-item');
      block.appendChild(element('p', null, item.statement));
      item.passages.forEach(function (passage) { block.appendChild(passageNode(passage)); });
      body.appendChild(block);
    });
  }

  function scorecardClicks() {
    var table = document.querySelector('table.scorecard');
    var panel = document.getElementById('evidence');
    if (!table || !panel) { return; }
    var board = panel.parentNode;
    table.addEventListener('click', function (event) {
      var button = event.target.closest('button.cell');
      if (!button) { return; }
      table.querySelectorAll('button.cell[aria-pressed]').forEach(function (b) { b.removeAttribute('aria-pressed'); });
      button.setAttribute('aria-pressed', 'true');
      var query = new URLSearchParams({
        region: button.dataset.region, indicator: button.dataset.indicator,
        industry: table.dataset.industry, limit: '30'
      });
      if (table.dataset.regions) { query.set('regions', table.dataset.regions); }
      panel.hidden = false;
      board.classList.add('open');
      panel.querySelector('.ev-title').textContent = '加载中…';
      panel.querySelector('.ev-body').textContent = '';
      fetch('/api/scorecard/evidence?' + query.toString(), {headers: {Accept: 'application/json'}})
        .then(function (response) { return response.json(); })
        .then(function (data) {
          if (data.ok === false) { throw new Error(data.error); }
          showEvidence(panel, data);
          if (window.innerWidth < 1000) { panel.scrollIntoView({behavior: 'smooth'}); }
        })
        .catch(function (error) { panel.querySelector('.ev-title').textContent = '出错了：' + error.message; });
    });
    panel.querySelector('.close').addEventListener('click', function () {
      panel.hidden = true;
      board.classList.remove('open');
    });
  }

  function factClicks() {
    document.querySelectorAll('button.fact').forEach(function (button) {
      button.addEventListener('click', function () {
        document.querySelectorAll('.ev.active').forEach(function (s) { s.classList.remove('active'); });
        document.querySelectorAll('button.fact[aria-pressed]').forEach(function (b) { b.removeAttribute('aria-pressed'); });
        button.setAttribute('aria-pressed', 'true');
        var spans = document.querySelectorAll('[data-facts~="' + button.dataset.fact + '"]');
        spans.forEach(function (s) { s.classList.add('active'); });
        if (spans.length) { spans[0].scrollIntoView({behavior: 'smooth', block: 'center'}); }
      });
    });
    var target = document.querySelector('.doc-text .target');
    if (target) { target.scrollIntoView({block: 'center'}); }
  }

  function citationClicks() {
    document.querySelectorAll('a.cite').forEach(function (link) {
      link.addEventListener('click', function () {
        var details = document.getElementById(link.getAttribute('href').slice(1));
        if (details) { details.open = true; }
      });
    });
  }

  function uploadOne(form, file, list) {
    var item = element('li');
    item.appendChild(element('span', 'name', file.name));
    var bar = element('progress');
    bar.max = 100; bar.value = 0;
    item.appendChild(bar);
    var status = element('span', 'status', '上传中…');
    item.appendChild(status);
    list.appendChild(item);
    return new Promise(function (resolve) {
      var data = new FormData();
      data.append('files', file);
      ['date', 'source'].forEach(function (name) {
        var value = form.elements[name].value.trim();
        if (value) { data.append(name, value); }
      });
      var request = new XMLHttpRequest();
      request.open('POST', '/api/documents');
      request.setRequestHeader('Accept', 'application/json');
      if (form.elements.token) { request.setRequestHeader('Authorization', 'Bearer ' + form.elements.token.value); }
      request.upload.addEventListener('progress', function (event) {
        if (event.lengthComputable) { bar.value = Math.round(100 * event.loaded / event.total); }
      });
      request.addEventListener('load', function () {
        bar.value = 100;
        var reply;
        try { reply = JSON.parse(request.responseText); } catch (e) { reply = {error: '服务器返回了无法解析的内容（' + request.status + '）'}; }
        var outcome = reply.outcomes && reply.outcomes[0];
        status.textContent = '';
        if (outcome && outcome.status !== 'failed') {
          item.className = 'stored';
          status.appendChild(document.createTextNode(outcome.status === 'stored'
            ? ' 已入库，' + outcome.facts + ' 条事实' + (outcome.duplicate_of ? '（转载副本）' : '') + ' '
            : ' 已存在，未改变 '));
          var link = element('a', null, outcome.title || outcome.doc_id);
          link.href = '/documents/' + encodeURIComponent(outcome.doc_id);
          status.appendChild(link);
        } else {
          item.className = 'failed';
          status.textContent = ' 失败：' + (outcome && outcome.reason ? outcome.reason : reply.error);
        }
        resolve();
      });
      request.addEventListener('error', function () {
        item.className = 'failed';
        status.textContent = ' 失败：网络错误';
        resolve();
      });
      request.send(data);
    });
  }

  function uploads() {
    var form = document.getElementById('upload');
    if (!form) { return; }
    var list = document.getElementById('progress');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var files = Array.prototype.slice.call(form.elements.files.files);
      var button = form.querySelector('button[type="submit"]');
      button.disabled = true;
      files.reduce(function (previous, file) {
        return previous.then(function () { return uploadOne(form, file, list); });
      }, Promise.resolve()).then(function () {
        button.disabled = false;
        form.elements.files.value = '';
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    drawCharts();
    scorecardClicks();
    factClicks();
    citationClicks();
    uploads();
  });
}());
