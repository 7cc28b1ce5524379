/*
 * The agent sidebar: a ticket in, POST /v1/suggestions with an agent key, and the answer laid out
 * for an agent: triage (when the server has it), three reply drafts with their sources and an
 * Insert button, the relevant articles with internal ones marked, and the internal notes.
 */
(() => {
  'use strict';

  const KEY_STORAGE = 'assist-agent-key';
  const DRAFT_KINDS = {concise: 'Concise', step_by_step: 'Step by step', empathetic: 'Empathetic'};
  const $ = (id) => document.getElementById(id);
  const ui = {
    keyForm: $('key-form'), key: $('agent-key'), sample: $('sample'), customer: $('ticket-customer'),
    subject: $('subject'), earlierField: $('earlier-field'), earlier: $('earlier'), message: $('message'),
    ticketForm: $('ticket-form'), suggest: $('suggest'), reply: $('reply'), status: $('status'), problem: $('problem'),
    triage: $('triage'), suggestions: $('suggestions'), articles: $('articles'), notesPanel: $('notes-panel'),
    notes: $('notes'),
  };
  let tickets = [];
  let earlierTurns = [];

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== false && value !== null && value !== undefined) {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    }
    return node;
  }

  function empty(text) {
    return el('p', {class: 'empty'}, text);
  }

  function percent(value) {
    return typeof value === 'number' ? Math.round(value * 100) + '%' : '';
  }

  function words(value) {
    return String(value).replace(/_/g, ' ').toLowerCase();
  }

  // ---- the key -----------------------------------------------------------------------------

  function currentKey() {
    return ui.key.value.trim();
  }

  ui.keyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY_STORAGE, currentKey());
    ui.status.textContent = currentKey() ? 'Key saved for this tab.' : 'Key cleared.';
  });

  async function prefillKey() {
    const saved = sessionStorage.getItem(KEY_STORAGE);
    if (saved) {
      ui.key.value = saved;
      return;
    }
    try {
      const config = await (await fetch('/demo-config.json')).json();
      if (config.agent_key && !ui.key.value) {
        ui.key.value = config.agent_key;
        ui.status.textContent = 'Demo agent key filled in (this server runs the demo on your machine).';
      }
    } catch (e) {
      // no demo configuration: the agent types a key
    }
  }

  // ---- tickets -----------------------------------------------------------------------------

  async function loadTickets() {
    try {
      tickets = (await (await fetch('/agent/tickets.json')).json()).tickets || [];
    } catch (e) {
      tickets = [];
    }
    for (const ticket of tickets) {
      ui.sample.append(el('option', {value: ticket.id, lang: ticket.language}, ticket.id + ' · ' + ticket.label));
    }
  }

  function showTicket(ticket) {
    ui.customer.hidden = !ticket;
    ui.customer.textContent = ticket ? ticket.customer : '';
    const messages = ticket ? ticket.messages : [];
    const last = messages.length ? messages[messages.length - 1] : null;
    earlierTurns = messages.slice(0, -1);
    ui.subject.value = ticket ? ticket.subject : '';
    ui.message.value = last ? last.text : '';
    ui.subject.lang = ticket ? ticket.language : '';
    ui.message.lang = ticket ? ticket.language : '';
    ui.earlier.replaceChildren(...earlierTurns.map((turn) => el('li', {class: 'turn turn-' + turn.role, dir: 'auto'},
      el('span', {class: 'who'}, turn.role === 'agent' ? 'Agent' : 'Customer'), ' ', turn.text)));
    ui.earlierField.hidden = earlierTurns.length === 0;
  }

  ui.sample.addEventListener('change', () => showTicket(tickets.find((t) => t.id === ui.sample.value) || null));
  ui.message.addEventListener('input', () => {
    if (ui.sample.value) {
      ui.sample.value = '';
      earlierTurns = [];
      ui.earlierField.hidden = true;
      ui.customer.hidden = true;
    }
  });

  // ---- asking ------------------------------------------------------------------------------

  /** What to tell the agent about a refused request, from its status and problem document. */
  function refusal(status, problem) {
    const detail = problem && problem.detail ? ' (' + problem.detail + ')' : '';
    if (status === 401) {
      return 'That key is not valid. Check it, or ask your Assist administrator for an agent key.' + detail;
    }
    if (status === 403) {
      return 'This key is not an agent key. The sidebar needs a key of scope agent, because it reads internal '
        + 'articles; bot keys are for the customer chat widget.' + detail;
    }
    if (status === 503) {
      return 'Assist is still opening its index. Try again in a few seconds.';
    }
    if (status === 400) {
      return 'Assist could not use this ticket' + detail + '.';
    }
    return 'Assist answered with an error (' + status + ')' + detail + '.';
  }

  function showProblem(text) {
    ui.problem.textContent = text;
    ui.problem.hidden = !text;
  }

  ui.ticketForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    showProblem('');
    const key = currentKey();
    if (!key) {
      showProblem('Enter an agent API key first (top right).');
      ui.key.focus();
      return;
    }
    const text = ui.message.value.trim();
    if (!text && !ui.subject.value.trim()) {
      showProblem('Paste the customer\'s message, or pick a sample ticket.');
      ui.message.focus();
      return;
    }
    const messages = earlierTurns.concat(text ? [{role: 'customer', text}] : []);
    ui.suggest.disabled = true;
    ui.status.textContent = 'Asking Assist…';
    document.body.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch('/v1/suggestions', {
        method: 'POST',
        headers: {'Content-Type': 'application/json', Authorization: 'Bearer ' + key},
        body: JSON.stringify({ticket: {subject: ui.subject.value.trim(), messages}}),
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        clearResults();
        showProblem(refusal(response.status, body));
        ui.status.textContent = '';
        return;
      }
      sessionStorage.setItem(KEY_STORAGE, key);
      render(body);
      ui.status.textContent = (body.suggestions || []).length + ' suggestions and ' + (body.articles || []).length
        + ' articles' + (body.language ? ' (' + body.language + ')' : '') + '.';
    } catch (e) {
      clearResults();
      showProblem('Assist cannot be reached. Is the server running?');
      ui.status.textContent = '';
    } finally {
      ui.suggest.disabled = false;
      document.body.removeAttribute('aria-busy');
    }
  });

  function clearResults() {
    ui.triage.replaceChildren(empty('No triage.'));
    ui.suggestions.replaceChildren(empty('No suggestions.'));
    ui.articles.replaceChildren(empty('No articles.'));
    ui.notes.replaceChildren();
    ui.notesPanel.hidden = true;
  }

  // ---- rendering ---------------------------------------------------------------------------

  function render(body) {
    renderTriage(body.triage);
    renderSuggestions(body.suggestions || []);
    renderArticles(body.articles || []);
    renderNotes(body.internal_notes || []);
  }

  /** Text with [n] markers as links to the draft's citations. */
  function withCitations(text, citations) {
    const byNumber = new Map(citations.map((c) => [c.n, c]));
    const container = el('div', {class: 'draft-text', dir: 'auto'});
    for (const paragraph of text.split(/\n/).filter((line) => line.trim())) {
      const p = el('p', {dir: 'auto'});
      let last = 0;
      for (const match of paragraph.matchAll(/\[(\d+)\]/g)) {
        const citation = byNumber.get(Number(match[1]));
        if (!citation) {
          continue;
        }
        p.append(paragraph.slice(last, match.index),
          el('a', {class: 'cite', href: citation.url, target: '_blank', rel: 'noopener', title: citation.title,
            'aria-label': 'Source ' + citation.n + ': ' + citation.title}, String(citation.n)));
        last = match.index + match[0].length;
      }
      p.append(paragraph.slice(last));
      container.append(p);
    }
    return container;
  }

  /** The draft as the customer should get it: without the [n] markers meant for the agent. */
  function forCustomer(text) {
    return text.replace(/ ?\[\d+\]/g, '').trim();
  }

  function renderSuggestions(drafts) {
    if (!drafts.length) {
      ui.suggestions.replaceChildren(empty('Assist has no suggestion for this ticket.'));
      return;
    }
    ui.suggestions.replaceChildren(...drafts.map((draft, i) => {
      const headingId = 'draft-' + i;
      const insert = el('button', {type: 'button', class: 'primary small insert', 'aria-describedby': headingId}, 'Insert');
      insert.addEventListener('click', () => insertDraft(draft.text));
      const sources = (draft.citations || []).length
        ? el('ol', {class: 'sources', 'aria-label': 'Sources'}, draft.citations.map((c) => el('li', {value: c.n},
          el('a', {href: c.url, target: '_blank', rel: 'noopener', dir: 'auto'}, c.title))))
        : null;
      return el('article', {class: 'draft', 'data-kind': draft.kind, 'aria-labelledby': headingId},
        el('header', {class: 'draft-head'},
          el('h4', {id: headingId}, DRAFT_KINDS[draft.kind] || words(draft.kind)), insert),
        withCitations(draft.text, draft.citations || []), sources);
    }));
  }

  async function insertDraft(text) {
    const reply = forCustomer(text);
    ui.reply.value = reply;
    ui.reply.focus();
    let copied = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(reply);
        copied = true;
      }
    } catch (e) {
      copied = false; // clipboard refused (permissions, focus): the reply box has the text anyway
    }
    ui.status.textContent = copied ? 'Inserted into your reply and copied to the clipboard.' : 'Inserted into your reply.';
  }

  function renderArticles(articles) {
    if (!articles.length) {
      ui.articles.replaceChildren(empty('No relevant articles.'));
      return;
    }
    ui.articles.replaceChildren(el('ul', {class: 'articles'}, articles.map((a) => {
      const internal = a.visibility === 'internal';
      return el('li', {class: internal ? 'article internal' : 'article', 'data-article-id': a.article_id,
        'data-visibility': a.visibility},
        el('div', {class: 'article-head'},
          el('a', {href: a.url, target: '_blank', rel: 'noopener', dir: 'auto'}, a.title),
          internal ? el('span', {class: 'badge internal', title: 'Internal: do not send this link to the customer'}, 'Internal') : null,
          a.language ? el('span', {class: 'badge lang'}, a.language) : null),
        a.snippet ? el('p', {class: 'snippet', dir: 'auto'}, a.snippet) : null);
    })));
  }

  function renderNotes(notes) {
    ui.notesPanel.hidden = notes.length === 0;
    ui.notes.replaceChildren(...notes.map((note) => el('li', {dir: 'auto'}, note.text, ' ',
      el('a', {href: note.url, target: '_blank', rel: 'noopener', class: 'note-source'}, note.title))));
  }

  /**
   * Triage comes from the server when it has a triage stage: language, intent, sentiment, signals
   * and a routing suggestion. Fields may be plain values or objects with a confidence.
   */
  function renderTriage(triage) {
    if (!triage || typeof triage !== 'object') {
      ui.triage.replaceChildren(el('p', {class: 'unavailable'},
        'Triage not available: this server does not run triage (language, intent, sentiment, routing).'));
      return;
    }
    const rows = [];
    const row = (label, ...value) => rows.push(el('dt', {}, label), el('dd', {}, ...value));
    const language = triage.language;
    if (language) {
      row('Language', typeof language === 'object'
        ? [language.language, language.confidence !== undefined ? ' · ' + percent(language.confidence) : '']
        : language);
    }
    if (triage.intent) {
      const intent = typeof triage.intent === 'object' ? triage.intent.intent || triage.intent.label : triage.intent;
      const alternatives = (triage.intents || []).map((s) => words(s.intent || s.label) + ' ' + percent(s.score)).join(', ');
      row('Intent', el('strong', {}, words(intent)), alternatives ? el('span', {class: 'subtle'}, ' · ' + alternatives) : null);
    }
    if (triage.sentiment) {
      const s = triage.sentiment;
      const label = typeof s === 'object' ? s.label : s;
      row('Sentiment', el('span', {class: 'badge sentiment-' + words(label)}, words(label)),
        typeof s === 'object' && s.confidence !== undefined ? ' ' + percent(s.confidence) : '');
    }
    if (triage.priority) {
      row('Priority', el('span', {class: 'badge priority-' + words(triage.priority)}, words(triage.priority)));
    }
    const signals = triage.signals || [];
    if (signals.length) {
      const evidence = triage.evidence || [];
      row('Signals', el('ul', {class: 'signals'}, signals.map((signal) => {
        const name = typeof signal === 'object' ? signal.signal || signal.name : signal;
        const why = evidence.filter((e) => e.signal === name).map((e) => e.evidence);
        return el('li', {}, el('span', {class: 'badge signal'}, words(name)), why.length ? ' “' + why.join('”, “') + '”' : '');
      })));
    }
    const routing = triage.routing;
    if (routing) {
      const reasons = routing.reasons || [];
      const best = (routing.candidates || [])[0];
      row('Routing', el('strong', {}, routing.team || 'queue'),
        best ? ' → ' + (best.agent_id || best.agentId || '') : '',
        reasons.length ? el('ul', {class: 'reasons'}, reasons.map((r) => el('li', {}, r))) : null);
    }
    ui.triage.replaceChildren(rows.length ? el('dl', {class: 'triage-list'}, rows) : empty('Triage returned nothing.'));
  }

  window.AssistAgent = {renderTriage};

  loadTickets().then(prefillKey);
})();
