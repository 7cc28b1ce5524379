/*
 * The demo help-center page: asks the server for the demo bot key (GET /demo-config.json), then
 * embeds the widget exactly as any site would, with a <script src=".../widget.js" data-key=...>.
 * The search box uses the same bot key with POST /v1/search.
 */
(() => {
  'use strict';

  const results = document.getElementById('search-results');
  const params = new URLSearchParams(location.search);
  let botKey = null;

  function notice(text) {
    results.replaceChildren(Object.assign(document.createElement('p'), {className: 'notice', textContent: text}));
  }

  function embedWidget(key) {
    const tag = document.createElement('script');
    tag.src = '/widget.js';
    tag.dataset.key = key;
    tag.dataset.server = location.origin;
    tag.dataset.handoffUrl = '#contact';
    if (params.get('lang')) {
      tag.dataset.locale = params.get('lang');
    }
    document.body.append(tag);
  }

  async function search(query) {
    results.replaceChildren();
    if (!botKey) {
      notice('This server has no demo key: start it with ./assist demo, or embed the widget with your own bot key.');
      return;
    }
    const response = await fetch('/v1/search', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', Authorization: 'Bearer ' + botKey},
      body: JSON.stringify({query, limit: 5}),
    });
    if (!response.ok) {
      notice(response.status === 503 ? 'The search index is still opening; try again in a few seconds.'
        : 'Search failed (' + response.status + ').');
      return;
    }
    const body = await response.json();
    const hits = body.results || [];
    if (!hits.length) {
      notice('No articles match. Try the chat: it can hand you to a person.');
      return;
    }
    const list = document.createElement('ol');
    list.className = 'result-list';
    for (const hit of hits) {
      const item = document.createElement('li');
      const link = Object.assign(document.createElement('a'), {href: hit.url, textContent: hit.title, target: '_blank', rel: 'noopener'});
      link.dir = 'auto';
      const snippet = Object.assign(document.createElement('p'), {textContent: hit.snippet || ''});
      snippet.dir = 'auto';
      item.append(link, snippet);
      list.append(item);
    }
    results.append(list);
  }

  document.getElementById('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const query = document.getElementById('search-input').value.trim();
    if (query) {
      search(query).catch(() => notice('The help center cannot be reached right now.'));
    }
  });

  document.querySelectorAll('button.ask').forEach((button) => {
    button.addEventListener('click', () => {
      if (window.AssistWidget) {
        window.AssistWidget.ask(button.dataset.question);
      }
    });
  });

  window.addEventListener('assist:handoff', (event) => {
    const note = document.getElementById('handoff-received');
    const turns = event.detail.conversation.length;
    note.textContent = 'Hand-off requested: your help desk would receive this conversation ('
      + turns + (turns === 1 ? ' message' : ' messages') + ') now.';
    note.hidden = false;
  });

  fetch('/demo-config.json')
    .then((response) => response.json())
    .then((config) => {
      botKey = config.bot_key;
      if (botKey) {
        embedWidget(botKey);
      } else {
        notice('This server has no demo key: start it with ./assist demo, or embed the widget with your own bot key.');
      }
    })
    .catch(() => notice('The Assist server cannot be reached.'));
})();
