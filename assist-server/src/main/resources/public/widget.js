/*
 * Assist chat widget. Embed it on any page with one tag:
 *
 *   <script src="https://assist.example.com/widget.js" data-key="BOT_KEY" defer></script>
 *
 * Attributes: data-key (a bot key, required), data-server (default: where widget.js came from),
 * data-locale (UI language; default: the page's lang, then the browser's), data-title,
 * data-handoff-url (where "Talk to a person" leads; without it the widget only fires the
 * window event "assist:handoff" with the conversation, for the page to act on), data-css (a
 * style sheet to load instead of the server's widget.css).
 *
 * Plain modern JavaScript, no build step, no third-party code, nothing loaded but widget.css
 * and the Assist API.
 */
(() => {
  'use strict';

  const script = document.currentScript
    || document.querySelector('script[data-assist-widget]')
    || [...document.querySelectorAll('script[src]')].find((s) => /\/widget\.js(\?|$)/.test(s.src));
  if (!script || window.AssistWidget) {
    return;
  }

  const STRINGS = {
    en: {
      launcher: 'Chat with us',
      title: 'Help',
      subtitle: 'Answers from our help center',
      close: 'Close chat',
      log: 'Conversation',
      inputLabel: 'Your question',
      placeholder: 'Ask a question…',
      send: 'Send',
      you: 'You',
      assistant: 'Assistant',
      welcome: 'Hi! Ask me anything about our product. I answer from our help center, and you can reach a person at any time.',
      searching: 'Searching our help center…',
      sources: 'Sources',
      source: 'Source',
      handoff: 'Talk to a person',
      handoffSuggested: 'I could not find a reliable answer to that in our help center. A person from our team can help you.',
      handoffTried: 'Articles I looked at:',
      handoffStarted: 'We are bringing in a person from our support team.',
      handoffLink: 'Continue with our support team',
      helpfulQuestion: 'Was this answer helpful?',
      helpful: 'Helpful',
      notHelpful: 'Not helpful',
      commentLabel: 'What was missing? (optional)',
      sendFeedback: 'Send feedback',
      thanks: 'Thanks for your feedback!',
      feedbackFailed: 'Your feedback could not be sent.',
      errorGeneric: 'Something went wrong. Please try again.',
      errorNetwork: 'The help center cannot be reached right now. Please check your connection and try again.',
      errorKey: 'This chat is not set up correctly (its key was refused). Please talk to a person instead.',
      errorBusy: 'Too many questions at once. Please wait a moment and try again.',
      errorStarting: 'The assistant is starting up. Please try again in a few seconds.',
    },
    de: {
      launcher: 'Chat öffnen',
      title: 'Hilfe',
      subtitle: 'Antworten aus unserem Hilfe-Center',
      close: 'Chat schließen',
      log: 'Unterhaltung',
      inputLabel: 'Ihre Frage',
      placeholder: 'Stellen Sie eine Frage…',
      send: 'Senden',
      you: 'Sie',
      assistant: 'Assistent',
      welcome: 'Hallo! Fragen Sie mich alles zu unserem Produkt. Ich antworte aus unserem Hilfe-Center, und Sie können jederzeit mit einem Menschen sprechen.',
      searching: 'Hilfe-Center wird durchsucht…',
      sources: 'Quellen',
      source: 'Quelle',
      handoff: 'Mit einem Menschen sprechen',
      handoffSuggested: 'Dazu habe ich in unserem Hilfe-Center keine verlässliche Antwort gefunden. Jemand aus unserem Team hilft Ihnen gerne weiter.',
      handoffTried: 'Diese Artikel habe ich geprüft:',
      handoffStarted: 'Wir holen jemanden aus unserem Support-Team dazu.',
      handoffLink: 'Weiter zum Support-Team',
      helpfulQuestion: 'War diese Antwort hilfreich?',
      helpful: 'Hilfreich',
      notHelpful: 'Nicht hilfreich',
      commentLabel: 'Was hat gefehlt? (optional)',
      sendFeedback: 'Feedback senden',
      thanks: 'Danke für Ihr Feedback!',
      feedbackFailed: 'Ihr Feedback konnte nicht gesendet werden.',
      errorGeneric: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
      errorNetwork: 'Das Hilfe-Center ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
      errorKey: 'Dieser Chat ist nicht richtig eingerichtet (sein Schlüssel wurde abgelehnt). Bitte sprechen Sie mit einem Menschen.',
      errorBusy: 'Gerade kommen zu viele Fragen auf einmal. Bitte warten Sie einen Moment.',
      errorStarting: 'Der Assistent startet gerade. Bitte versuchen Sie es in ein paar Sekunden erneut.',
    },
    fr: {
      launcher: 'Ouvrir le chat',
      title: 'Aide',
      subtitle: 'Des réponses issues de notre centre d’aide',
      close: 'Fermer le chat',
      log: 'Conversation',
      inputLabel: 'Votre question',
      placeholder: 'Posez une question…',
      send: 'Envoyer',
      you: 'Vous',
      assistant: 'Assistant',
      welcome: 'Bonjour ! Posez-moi vos questions sur notre produit. Je réponds à partir de notre centre d’aide, et vous pouvez joindre une personne à tout moment.',
      searching: 'Recherche dans notre centre d’aide…',
      sources: 'Sources',
      source: 'Source',
      handoff: 'Parler à une personne',
      handoffSuggested: 'Je n’ai pas trouvé de réponse fiable dans notre centre d’aide. Une personne de notre équipe peut vous aider.',
      handoffTried: 'Articles consultés :',
      handoffStarted: 'Nous faisons appel à une personne de notre équipe support.',
      handoffLink: 'Continuer avec notre équipe support',
      helpfulQuestion: 'Cette réponse vous a-t-elle aidé ?',
      helpful: 'Utile',
      notHelpful: 'Pas utile',
      commentLabel: 'Que manquait-il ? (facultatif)',
      sendFeedback: 'Envoyer l’avis',
      thanks: 'Merci pour votre avis !',
      feedbackFailed: 'Votre avis n’a pas pu être envoyé.',
      errorGeneric: 'Une erreur s’est produite. Veuillez réessayer.',
      errorNetwork: 'Le centre d’aide est injoignable pour le moment. Vérifiez votre connexion et réessayez.',
      errorKey: 'Ce chat n’est pas configuré correctement (sa clé a été refusée). Veuillez parler à une personne.',
      errorBusy: 'Trop de questions à la fois. Veuillez patienter un instant.',
      errorStarting: 'L’assistant démarre. Veuillez réessayer dans quelques secondes.',
    },
    es: {
      launcher: 'Abrir el chat',
      title: 'Ayuda',
      subtitle: 'Respuestas de nuestro centro de ayuda',
      close: 'Cerrar el chat',
      log: 'Conversación',
      inputLabel: 'Tu pregunta',
      placeholder: 'Haz una pregunta…',
      send: 'Enviar',
      you: 'Tú',
      assistant: 'Asistente',
      welcome: '¡Hola! Pregúntame lo que quieras sobre nuestro producto. Respondo con nuestro centro de ayuda y puedes hablar con una persona en cualquier momento.',
      searching: 'Buscando en nuestro centro de ayuda…',
      sources: 'Fuentes',
      source: 'Fuente',
      handoff: 'Hablar con una persona',
      handoffSuggested: 'No he encontrado una respuesta fiable en nuestro centro de ayuda. Una persona de nuestro equipo puede ayudarte.',
      handoffTried: 'Artículos que he consultado:',
      handoffStarted: 'Estamos avisando a una persona de nuestro equipo de soporte.',
      handoffLink: 'Continuar con nuestro equipo de soporte',
      helpfulQuestion: '¿Te ha resultado útil esta respuesta?',
      helpful: 'Útil',
      notHelpful: 'No es útil',
      commentLabel: '¿Qué faltaba? (opcional)',
      sendFeedback: 'Enviar opinión',
      thanks: '¡Gracias por tu opinión!',
      feedbackFailed: 'No se ha podido enviar tu opinión.',
      errorGeneric: 'Algo ha salido mal. Inténtalo de nuevo.',
      errorNetwork: 'No se puede acceder al centro de ayuda ahora mismo. Comprueba tu conexión e inténtalo de nuevo.',
      errorKey: 'Este chat no está bien configurado (su clave fue rechazada). Habla con una persona, por favor.',
      errorBusy: 'Demasiadas preguntas a la vez. Espera un momento, por favor.',
      errorStarting: 'El asistente se está iniciando. Inténtalo de nuevo en unos segundos.',
    },
  };
  const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'dv', 'ku', 'sd', 'ug']);
  const MAX_HISTORY_TURNS = 20;

  const settings = readSettings(script);
  const t = STRINGS[settings.language] || STRINGS.en;
  const uiLanguage = STRINGS[settings.language] ? settings.language : 'en';
  const history = [];
  let busy = false;
  let ids = 0;

  function readSettings(tag) {
    const data = tag.dataset;
    const server = (data.server || new URL(tag.src, document.baseURI).origin).replace(/\/+$/, '');
    const requested = data.locale || document.documentElement.lang || navigator.language || 'en';
    return {
      server,
      key: data.key || '',
      locale: requested,
      language: requested.toLowerCase().split(/[-_]/)[0],
      title: data.title || '',
      handoffUrl: data.handoffUrl || '',
      css: data.css || server + '/widget.css',
    };
  }

  function nextId(prefix) {
    ids += 1;
    return 'assist-' + prefix + '-' + ids;
  }

  /** Creates an element: el('div', {class: 'x', 'aria-label': 'y'}, child, 'text', ...). */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === false || value === null || value === undefined) {
        continue;
      }
      if (name.startsWith('on') && typeof value === 'function') {
        node.addEventListener(name.slice(2), value);
      } else {
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

  function icon(path) {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const shape = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    shape.setAttribute('d', path);
    svg.append(shape);
    return svg;
  }

  const ICONS = {
    chat: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z',
    close: 'M6 6l12 12M18 6L6 18',
    send: 'M3 11l18-8-8 18-2-8-8-2z',
    person: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 8a7 7 0 0 1 14 0',
    up: 'M7 11v9H4v-9h3zm2 9h8.3a2 2 0 0 0 2-1.6l1.2-6A2 2 0 0 0 18.5 10H14l.8-4a1.8 1.8 0 0 0-3.3-1.3L9 10v10z',
    down: 'M7 13V4H4v9h3zm2-9h8.3a2 2 0 0 1 2 1.6l1.2 6a2 2 0 0 1-2 2.4H14l.8 4a1.8 1.8 0 0 1-3.3 1.3L9 14V4z',
  };

  // ---- the widget's DOM -------------------------------------------------------------------

  const direction = RTL_LANGUAGES.has(settings.language) || document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr';
  const panelId = nextId('panel');
  const titleId = nextId('title');
  const inputId = nextId('input');

  const launcher = el('button', {
    type: 'button', class: 'assist-launcher', 'aria-expanded': 'false', 'aria-controls': panelId,
    'aria-label': t.launcher, title: t.launcher,
  }, icon(ICONS.chat));
  const closeButton = el('button', {type: 'button', class: 'assist-icon-button assist-close', 'aria-label': t.close,
    title: t.close}, icon(ICONS.close));
  const log = el('div', {class: 'assist-log', role: 'log', 'aria-live': 'polite', 'aria-label': t.log, tabindex: '0'});
  const handoffButton = el('button', {type: 'button', class: 'assist-handoff'}, icon(ICONS.person), el('span', {}, t.handoff));
  const input = el('textarea', {id: inputId, class: 'assist-input', rows: '1', dir: 'auto', placeholder: t.placeholder,
    maxlength: '4000', autocomplete: 'off', enterkeyhint: 'send'});
  const sendButton = el('button', {type: 'submit', class: 'assist-send', 'aria-label': t.send, title: t.send}, icon(ICONS.send));
  const form = el('form', {class: 'assist-form', novalidate: true},
    el('label', {for: inputId, class: 'assist-sr-only'}, t.inputLabel), input, sendButton);
  const panel = el('section', {id: panelId, class: 'assist-panel', role: 'dialog', 'aria-modal': 'false',
    'aria-labelledby': titleId, hidden: true},
    el('header', {class: 'assist-header'},
      el('div', {class: 'assist-heading'},
        el('h2', {id: titleId, class: 'assist-title'}, settings.title || t.title),
        el('p', {class: 'assist-subtitle'}, t.subtitle)),
      closeButton),
    log,
    el('div', {class: 'assist-actions'}, handoffButton),
    form);
  const root = el('div', {class: 'assist-widget', dir: direction, lang: uiLanguage, 'data-assist-root': true},
    panel, launcher);

  function mount() {
    if (!document.querySelector('link[data-assist-css]')) {
      document.head.append(el('link', {rel: 'stylesheet', href: settings.css, 'data-assist-css': true}));
    }
    document.body.append(root);
    addMessage('assistant', el('p', {dir: 'auto'}, t.welcome));
  }

  // ---- opening and closing ----------------------------------------------------------------

  function open() {
    panel.hidden = false;
    root.classList.add('assist-open');
    launcher.setAttribute('aria-expanded', 'true');
    input.focus();
  }

  function close() {
    panel.hidden = true;
    root.classList.remove('assist-open');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', () => (panel.hidden ? open() : close()));
  closeButton.addEventListener('click', close);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener('input', () => {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 120) + 'px';
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const question = input.value.trim();
    if (!question || busy) {
      return;
    }
    input.value = '';
    input.style.height = 'auto';
    ask(question);
  });
  handoffButton.addEventListener('click', () => handOff());

  // ---- messages ---------------------------------------------------------------------------

  function addMessage(role, ...content) {
    const message = el('div', {class: 'assist-msg assist-msg-' + role},
      el('span', {class: 'assist-sr-only'}, (role === 'customer' ? t.you : t.assistant) + ': '), ...content);
    log.append(message);
    scrollToEnd();
    return message;
  }

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  /** The answer text with each [n] marker as a link to citation n. */
  function renderText(container, text, citations) {
    container.replaceChildren();
    const byNumber = new Map(citations.map((c) => [c.n, c]));
    for (const paragraph of text.split(/\n{2,}/)) {
      const p = el('p', {dir: 'auto'});
      let last = 0;
      for (const match of paragraph.matchAll(/\[(\d+)\]/g)) {
        const citation = byNumber.get(Number(match[1]));
        if (!citation) {
          continue;
        }
        p.append(paragraph.slice(last, match.index));
        p.append(el('a', {class: 'assist-cite', href: citation.url, target: '_blank', rel: 'noopener',
          'aria-label': t.source + ' ' + citation.n + ': ' + citation.title, title: citation.title}, String(citation.n)));
        last = match.index + match[0].length;
      }
      p.append(paragraph.slice(last));
      container.append(p);
    }
  }

  function sourcesList(citations) {
    if (!citations.length) {
      return null;
    }
    const headingId = nextId('sources');
    return el('div', {class: 'assist-sources'},
      el('p', {id: headingId, class: 'assist-sources-title'}, t.sources),
      el('ol', {'aria-labelledby': headingId},
        citations.map((c) => el('li', {value: c.n},
          el('a', {href: c.url, target: '_blank', rel: 'noopener', dir: 'auto', 'data-article-id': c.article_id}, c.title)))));
  }

  function feedbackControls(answerId) {
    const questionId = nextId('helpful');
    const status = el('p', {class: 'assist-feedback-status', role: 'status'});
    const up = el('button', {type: 'button', class: 'assist-icon-button assist-thumb', 'data-rating': 'up',
      'aria-pressed': 'false', 'aria-label': t.helpful, title: t.helpful}, icon(ICONS.up));
    const down = el('button', {type: 'button', class: 'assist-icon-button assist-thumb', 'data-rating': 'down',
      'aria-pressed': 'false', 'aria-label': t.notHelpful, title: t.notHelpful}, icon(ICONS.down));
    const group = el('div', {class: 'assist-feedback', role: 'group', 'aria-labelledby': questionId},
      el('span', {id: questionId, class: 'assist-feedback-question'}, t.helpfulQuestion), up, down, status);

    const done = (button) => {
      button.setAttribute('aria-pressed', 'true');
      up.disabled = true;
      down.disabled = true;
    };
    up.addEventListener('click', async () => {
      done(up);
      status.textContent = (await sendFeedback(answerId, 'up')) ? t.thanks : t.feedbackFailed;
    });
    down.addEventListener('click', () => {
      done(down);
      const commentId = nextId('comment');
      const comment = el('textarea', {id: commentId, class: 'assist-comment', rows: '2', dir: 'auto', maxlength: '4000'});
      const commentForm = el('form', {class: 'assist-comment-form'},
        el('label', {for: commentId}, t.commentLabel), comment,
        el('button', {type: 'submit', class: 'assist-button'}, t.sendFeedback));
      commentForm.addEventListener('submit', async (event) => {
        event.preventDefault();
        const sent = await sendFeedback(answerId, 'down', comment.value.trim());
        commentForm.remove();
        status.textContent = sent ? t.thanks : t.feedbackFailed;
      });
      group.after(commentForm);
      comment.focus();
      scrollToEnd();
    });
    return group;
  }

  // ---- talking to the API -----------------------------------------------------------------

  function headers() {
    return {'Content-Type': 'application/json', Authorization: 'Bearer ' + settings.key};
  }

  /** An error a person can act on, from a refused request's status. */
  function refusal(status) {
    if (status === 401 || status === 403) {
      return t.errorKey;
    }
    if (status === 429) {
      return t.errorBusy;
    }
    if (status === 503) {
      return t.errorStarting;
    }
    return t.errorGeneric;
  }

  async function sendFeedback(answerId, rating, comment) {
    try {
      const body = {answer_id: answerId, rating};
      if (comment) {
        body.comment = comment;
      }
      const response = await fetch(settings.server + '/v1/feedback', {method: 'POST', headers: headers(),
        body: JSON.stringify(body)});
      return response.ok;
    } catch (e) {
      return false;
    }
  }

  /** Reads a server-sent-events body, calling onEvent(name, data) for each complete event. */
  async function readEvents(body, onEvent) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const {value, done} = await reader.read();
      if (done) {
        break;
      }
      buffer += value.replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = 'message';
        const data = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) {
            name = line.slice(6).trim();
          } else if (line.startsWith('data:')) {
            data.push(line.slice(5).replace(/^ /, ''));
          }
        }
        if (data.length) {
          onEvent(name, JSON.parse(data.join('\n')));
        }
      }
    }
  }

  async function ask(question) {
    busy = true;
    sendButton.disabled = true;
    addMessage('customer', el('p', {dir: 'auto'}, question));
    const text = el('div', {class: 'assist-text', dir: 'auto'}, el('p', {class: 'assist-searching'}, t.searching));
    const message = addMessage('assistant', text);
    message.setAttribute('aria-busy', 'true');
    const answer = {id: null, text: '', citations: []};
    const turns = history.slice(-MAX_HISTORY_TURNS);
    try {
      const response = await fetch(settings.server + '/v1/answer/stream', {
        method: 'POST',
        headers: {...headers(), Accept: 'text/event-stream'},
        body: JSON.stringify({question, history: turns}),
      });
      if (!response.ok || !response.body) {
        showError(message, text, refusal(response.status));
        return;
      }
      let finished = null;
      await readEvents(response.body, (name, data) => {
        if (name === 'meta') {
          answer.id = data.answer_id;
          answer.citations = data.citations || [];
          message.dataset.answerId = answer.id;
        } else if (name === 'delta') {
          answer.text += data.text;
          message.dataset.deltas = String(Number(message.dataset.deltas || 0) + 1);
          renderText(text, answer.text, answer.citations);
          scrollToEnd();
        } else if (name === 'done') {
          finished = data;
        } else if (name === 'error') {
          throw new Error(data.detail || 'stream error');
        }
      });
      if (!finished) {
        showError(message, text, t.errorGeneric);
        return;
      }
      finish(message, text, finished);
      history.push({role: 'customer', text: question});
      if (finished.answer) {
        history.push({role: 'assistant', text: finished.answer});
      }
    } catch (e) {
      showError(message, text, e instanceof TypeError ? t.errorNetwork : t.errorGeneric);
    } finally {
      message.setAttribute('aria-busy', 'false');
      busy = false;
      sendButton.disabled = false;
    }
  }

  function finish(message, text, done) {
    message.dataset.answerId = done.answer_id;
    const citations = done.citations || [];
    const handoff = done.handoff || {recommended: false, tried: []};
    if (done.answer) {
      renderText(text, done.answer, citations);
      message.append(sourcesList(citations) || '');
    } else {
      text.replaceChildren();
    }
    if (handoff.recommended) {
      message.classList.add('assist-msg-handoff');
      text.append(el('p', {dir: 'auto', class: 'assist-handoff-note'}, t.handoffSuggested));
      const tried = (handoff.tried || []).filter((a) => a.url);
      if (tried.length) {
        message.append(el('div', {class: 'assist-sources assist-tried'},
          el('p', {class: 'assist-sources-title'}, t.handoffTried),
          el('ul', {}, tried.map((a) => el('li', {}, el('a', {href: a.url, target: '_blank', rel: 'noopener', dir: 'auto'}, a.title))))));
      }
      const inline = el('button', {type: 'button', class: 'assist-handoff assist-handoff-inline'}, icon(ICONS.person),
        el('span', {}, t.handoff));
      inline.addEventListener('click', () => handOff());
      message.append(inline);
      handoffButton.classList.add('assist-recommended');
    } else {
      handoffButton.classList.remove('assist-recommended');
    }
    if (done.answer_id) {
      message.append(feedbackControls(done.answer_id));
    }
    scrollToEnd();
  }

  function showError(message, text, detail) {
    message.classList.add('assist-msg-error');
    text.replaceChildren(el('p', {dir: 'auto', role: 'alert'}, detail));
  }

  /**
   * Hands the conversation to a person: the page hears about it (a cancelable "assist:handoff"
   * event carrying the transcript); unless it takes over, data-handoff-url opens.
   */
  function handOff() {
    const event = new CustomEvent('assist:handoff', {cancelable: true,
      detail: {conversation: history.slice(), locale: settings.locale}});
    const proceed = window.dispatchEvent(event);
    const note = [el('p', {dir: 'auto'}, t.handoffStarted)];
    if (proceed && settings.handoffUrl) {
      note.push(el('p', {}, el('a', {href: settings.handoffUrl, target: '_blank', rel: 'noopener',
        class: 'assist-handoff-link'}, t.handoffLink)));
    }
    addMessage('assistant', ...note).classList.add('assist-msg-handoff');
  }

  window.AssistWidget = {open, close, ask: (question) => {
    open();
    if (!busy) {
      ask(question);
    }
  }};

  if (document.body) {
    mount();
  } else {
    document.addEventListener('DOMContentLoaded', mount, {once: true});
  }
})();
