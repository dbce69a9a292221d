// Progressive enhancement of the survey form, which works without it: one section at a time on a
// narrow screen, show-if conditions applied as answers change, answers kept on the device until
// sent, and a submission that waits in the service worker's outbox while the network is down.
(function () {
  'use strict';
  var form = document.getElementById('survey-form');
  var textsElement = document.getElementById('survey-texts');
  if (!form || !textsElement || !window.fetch || !window.JSON || !document.querySelector) {
    return;
  }
  var texts = JSON.parse(textsElement.textContent);
  var action = form.getAttribute('action');
  // a staff member's preview of a template: works as the survey does, keeps and sends nothing
  var preview = form.getAttribute('data-preview') === 'true';
  var key = 'hailong:' + action.split('?')[0];
  var statusBox = document.getElementById('status');
  var sections = [].slice.call(form.querySelectorAll('section'));
  var submitButton = form.querySelector('button[type=submit]');
  var narrow = window.matchMedia ? window.matchMedia('(max-width: 47.99em)') : { matches: false };
  var worker = null;
  var spentIds = [];
  var draft = read() || { id: uuid() };
  var current = 0;
  var retry = null;

  function read() {
    try {
      return JSON.parse(localStorage.getItem(key));
    }
    catch (e) {
      return null;
    }
  }

  // Response ids the server has stored (here or in another tab of this browser, which then
  // deletes the draft) or refused as a conflict: a draft that carries one is never saved again,
  // it gets a new id first.
  function spent(id) {
    return spentIds.indexOf(id) >= 0;
  }

  function spend(id) {
    spentIds.push(id);
  }

  function renew() {
    draft.id = uuid();
    delete draft.body;
    draft.queued = false;
    form.elements.id.value = draft.id;
  }

  // The form's id was sent already (from another tab) or refused as a conflict: a new response
  // with a new id, the answers kept, and the respondent told so.
  function fresh() {
    renew();
    save();
    lock(false);
    say(texts.fresh, 'fresh');
    statusBox.focus();
  }

  function save() {
    if (preview) {
      return;
    }
    if (spent(draft.id)) {
      renew();
    }
    try {
      localStorage.setItem(key, JSON.stringify(draft));
    }
    catch (e) {
      // Private mode or a full device: the answers are only in the page.
    }
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 15) | 64;
    bytes[8] = (bytes[8] & 63) | 128;
    var hex = [].map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  function text(name, values) {
    return (texts[name] || '').replace(/\{(\d)\}/g, function (m, i) { return values[i]; });
  }

  // The status line, and the state of the submission in data-state: sending, queued (kept on the
  // device), waiting (a try failed, more will follow) or refused.
  function say(message, state) {
    statusBox.textContent = message;
    statusBox.className = 'status' + (state ? ' ' + state : '');
    statusBox.setAttribute('data-state', state || '');
  }

  function answers() {
    var fields = [];
    [].forEach.call(form.elements, function (input) {
      if (input.name && input.name.indexOf('q_') === 0 && ((input.type === 'radio' || input.type === 'checkbox') ? input.checked : input.value)) {
        fields.push([input.name, input.value]);
      }
    });
    return fields;
  }

  function restore(fields) {
    fields.forEach(function (field) {
      [].forEach.call(form.querySelectorAll('[name="' + field[0] + '"]'), function (input) {
        if (input.type === 'radio' || input.type === 'checkbox') {
          if (input.value === field[1]) {
            input.checked = true;
          }
        }
        else {
          input.value = field[1];
        }
      });
    });
  }

  // Show-if: conditions name earlier items, so one pass in document order settles chains.
  function chosen(code) {
    return [].filter.call(form.querySelectorAll('[name="q_' + code + '"]'), function (input) {
      return !input.disabled && ((input.type === 'radio' || input.type === 'checkbox') ? input.checked : input.value);
    }).map(function (input) { return input.value; });
  }

  function applyConditions() {
    [].forEach.call(form.querySelectorAll('[data-show-item]'), function (item) {
      var wanted = item.getAttribute('data-show-values').split(' ');
      var shown = chosen(item.getAttribute('data-show-item')).some(function (v) { return wanted.indexOf(v) >= 0; });
      item.hidden = !shown;
      [].forEach.call(item.querySelectorAll('input, textarea'), function (input) { input.disabled = !shown; });
      var hint = item.querySelector('.hint');
      if (hint) {
        hint.hidden = true;
      }
    });
  }

  // Sections: those whose items are all hidden are skipped.
  function open() {
    return sections.filter(function (section) {
      return section.querySelector('.item:not([hidden])');
    });
  }

  function paged() {
    return narrow.matches;
  }

  function show(index, focus) {
    var visible = open();
    current = Math.max(0, Math.min(index, visible.length - 1));
    sections.forEach(function (section) {
      section.hidden = paged() && section !== visible[current];
    });
    var last = !paged() || current === visible.length - 1;
    nav.hidden = !paged();
    back.hidden = current === 0;
    next.hidden = last;
    submitButton.hidden = !last;
    progress.hidden = !paged();
    bar.max = visible.length;
    bar.value = current + 1;
    progressText.textContent = text('progress', [current + 1, visible.length]);
    if (focus && paged()) {
      progress.scrollIntoView();
      visible[current].querySelector('h2').focus({ preventScroll: true });
    }
    draft.section = current;
  }

  function element(tag, attributes, content) {
    var created = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) { created.setAttribute(name, attributes[name]); });
    if (content) {
      created.textContent = content;
    }
    return created;
  }

  // Errors: next to each item, and a summary at the top linking to them.
  function clearErrors() {
    [].forEach.call(form.querySelectorAll('.item .error'), function (error) { error.remove(); });
    [].forEach.call(form.querySelectorAll('.item.invalid'), function (item) {
      item.classList.remove('invalid');
      item.removeAttribute('aria-describedby');
      [].forEach.call(item.querySelectorAll('[aria-invalid]'), function (input) {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
      });
    });
    var summary = document.getElementById('error-summary');
    if (summary) {
      summary.remove();
    }
  }

  function showErrors(errors) {
    clearErrors();
    var summary = element('div', { 'class': 'alert', id: 'error-summary', tabindex: '-1' });
    summary.appendChild(element('p', {}, texts.errors));
    var list = summary.appendChild(element('ul', {}));
    Object.keys(errors).forEach(function (code) {
      var item = document.getElementById('item-' + code);
      var error = element('p', { 'class': 'error', id: 'err-' + code }, texts['error.' + errors[code]] || texts['error.wrong_type']);
      var title = item.querySelector('legend, label.question');
      title.parentNode.insertBefore(error, title.nextSibling);
      item.classList.add('invalid');
      if (item.tagName === 'FIELDSET') {
        item.setAttribute('aria-describedby', error.id);
      }
      else {
        var input = item.querySelector('input, textarea');
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', error.id);
      }
      var link = list.appendChild(element('li', {})).appendChild(element('a', { href: '#item-' + code }, title.textContent.replace(/\*$/, '')));
      link.addEventListener('click', function (event) {
        event.preventDefault();
        goTo(item);
      });
    });
    form.parentNode.insertBefore(summary, form);
    summary.focus();
  }

  function goTo(item) {
    show(open().indexOf(item.closest('section')), false);
    var input = item.querySelector('input, textarea');
    input.focus();
  }

  function missing(scope) {
    var errors = {};
    [].forEach.call(scope.querySelectorAll('.item[data-required]:not([hidden])'), function (item) {
      var code = item.id.slice(5);
      if (!chosen(code).length) {
        errors[code] = 'required';
      }
    });
    [].forEach.call(scope.querySelectorAll('.item:not([hidden]) input[type=number]'), function (input) {
      var v = input.validity;
      var code = input.name.slice(2);
      if (v.badInput) {
        errors[code] = 'wrong_type';
      }
      else if (v.rangeUnderflow) {
        errors[code] = 'below_minimum';
      }
      else if (v.rangeOverflow) {
        errors[code] = 'above_maximum';
      }
      else if (v.stepMismatch) {
        errors[code] = 'not_integer';
      }
    });
    return errors;
  }

  function check(scope) {
    var errors = missing(scope);
    if (Object.keys(errors).length) {
      showErrors(errors);
      show(open().indexOf(document.getElementById('item-' + Object.keys(errors)[0]).closest('section')), false);
      return false;
    }
    clearErrors();
    return true;
  }

  // Sending: the body is made once, at the first try, and re-sent unchanged.
  function lock(locked) {
    [].forEach.call(form.querySelectorAll('input, textarea, button'), function (part) { part.disabled = locked; });
    if (!locked) {
      applyConditions();
    }
  }

  function send() {
    say(texts.sending, 'sending');
    lock(true);
    var controller = window.AbortController ? new AbortController() : null;
    var timer = setTimeout(function () {
      if (controller) {
        controller.abort();
      }
    }, 30000);
    fetch(action, {
      method: 'POST',
      body: draft.body,
      credentials: 'same-origin',
      signal: controller && controller.signal,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' }
    }).then(function (response) {
      clearTimeout(timer);
      if (retryable(response.status)) {
        return queue();
      }
      return response.json().catch(function () { return {}; }).then(function (body) {
        return response.ok ? done() : refused(body, response.status);
      });
    }, function () {
      clearTimeout(timer);
      queue();
    });
  }

  // Kept and sent again: the network failed, or the server said to try later (503 with the
  // database out of reach, 429, 408, a proxy's 502 or 504). Any other answer is final.
  function retryable(status) {
    return status === 408 || status === 429 || status === 502 || status === 503 || status === 504;
  }

  function queue() {
    draft.queued = true;
    save();
    lock(true);
    say(texts.queued, 'queued');
    worker.then(function (registration) {
      registration.active.postMessage({ type: 'queue', id: draft.id, url: action, body: draft.body });
      if (registration.sync) {
        registration.sync.register('outbox').catch(function () {});
      }
    }, function () {});
    if (!retry) {
      retry = setInterval(flush, 30000);
    }
  }

  function flush() {
    if (!draft.queued) {
      return;
    }
    worker.then(function (registration) {
      registration.active.postMessage({ type: 'flush' });
    }, send);
  }

  function stopRetrying() {
    clearInterval(retry);
    retry = null;
    draft.queued = false;
  }

  function done() {
    stopRetrying();
    spend(draft.id);
    try {
      localStorage.removeItem(key);
    }
    catch (e) {
      // Nothing was kept.
    }
    say('');
    form.hidden = true;
    [].forEach.call(document.querySelectorAll('.privacy, .note, .intro, #error-summary, #progress'), function (part) { part.hidden = true; });
    var thanks = document.getElementById('thanks');
    thanks.hidden = false;
    thanks.focus();
  }

  function refused(problem, status) {
    stopRetrying();
    delete draft.body;
    if (status === 409 && /\/response-id-conflict$/.test(problem.type || '')) {
      spend(draft.id);
      fresh();
      return;
    }
    save();
    lock(false);
    if (status >= 500) {
      say(texts.serverError, 'refused');
      statusBox.focus();
      return;
    }
    var errors = {};
    var others = false;
    (problem.errors || []).forEach(function (error) {
      var code = error.field.replace(/^(answers\.|q_)/, '');
      if (document.getElementById('item-' + code)) {
        errors[code] = error.code;
      }
      else {
        others = true;
      }
    });
    if (Object.keys(errors).length && !others) {
      say('');
      showErrors(errors);
      show(open().indexOf(document.getElementById('item-' + Object.keys(errors)[0]).closest('section')), false);
    }
    else {
      say(problem.detail || texts.failed, 'refused');
      statusBox.focus();
    }
  }

  // Navigation buttons and progress, made here: without script every section shows at once.
  var nav = element('div', { 'class': 'nav' });
  var back = nav.appendChild(element('button', { type: 'button', 'class': 'back' }, texts.back));
  var next = nav.appendChild(element('button', { type: 'button', 'class': 'next' }, texts.next));
  submitButton.parentNode.insertBefore(nav, submitButton);
  var progress = element('div', { id: 'progress', 'class': 'progress' });
  var progressText = progress.appendChild(element('p', { id: 'progress-text' }));
  var bar = progress.appendChild(element('progress', { 'aria-labelledby': 'progress-text' }));
  form.insertBefore(progress, form.firstChild);

  back.addEventListener('click', function () {
    clearErrors();
    show(current - 1, true);
    save();
  });
  next.addEventListener('click', function () {
    if (check(open()[current])) {
      show(current + 1, true);
      save();
    }
  });
  function keep() {
    draft.fields = answers();
    save();
  }
  form.addEventListener('input', keep);
  form.addEventListener('change', function () {
    applyConditions();
    show(current, false);
    keep();
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (paged() && current < open().length - 1) {
      next.click();
      return;
    }
    if (check(form)) {
      if (preview) {
        statusBox.setAttribute('data-state', 'preview');
        statusBox.textContent = document.documentElement.lang === 'en'
          ? 'Preview: the answers are complete; nothing was sent.'
          : 'Xem trước: phiếu đã trả lời đủ; không có gì được gửi.';
        return;
      }
      if (spent(draft.id)) {
        fresh();
        return;
      }
      draft.body = new URLSearchParams(new FormData(form)).toString();
      save();
      send();
    }
  });
  if (narrow.addEventListener) {
    narrow.addEventListener('change', function () { show(current, false); });
  }

  form.elements.id.value = draft.id;
  if (draft.fields && draft.fields.length) {
    restore(draft.fields);
    say(texts.restored);
  }
  applyConditions();
  show(draft.section || 0, false);

  // The service worker, where the browser has one (it needs HTTPS or localhost): it keeps the page
  // for offline use and sends queued submissions; without it the page retries by itself.
  if ('serviceWorker' in navigator && !preview) {
    navigator.serviceWorker.addEventListener('message', function (event) {
      var message = event.data || {};
      if (message.id === draft.id && message.type === 'sent') {
        done();
      }
      else if (message.id === draft.id && message.type === 'refused') {
        refused(message.problem || {}, message.status);
      }
      else if (message.type === 'cached') {
        offlineReady(20);
      }
      else if (message.id === draft.id && message.type === 'waiting') {
        statusBox.setAttribute('data-state', 'waiting');
      }
    });
    worker = navigator.serviceWorker.register(form.getAttribute('data-worker'), { scope: form.getAttribute('data-scope') })
      .then(function () { return navigator.serviceWorker.ready; });
    var shell = [location.href].concat([].map.call(document.querySelectorAll('script[src]'), function (e) { return e.src; }));
    // Marks the form data-offline=ready once this page can see every file of the shell in the cache.
    var offlineReady = function (tries) {
      Promise.all(shell.map(function (url) { return caches.match(url); })).then(function (found) {
        if (found.every(Boolean)) {
          form.setAttribute('data-offline', 'ready');
        }
        else if (tries > 0) {
          setTimeout(function () { offlineReady(tries - 1); }, 250);
        }
      });
    };
    worker.then(function (registration) {
      registration.active.postMessage({ type: 'cache', urls: shell });
    }, function () {});
  }
  else {
    worker = Promise.reject(new Error('no service worker'));
    worker.catch(function () {});
  }
  window.addEventListener('online', flush);
  // Another tab of this browser sent this same form (same draft, same id) and deleted the draft.
  window.addEventListener('storage', function (event) {
    if (event.key === key && event.newValue === null && event.oldValue) {
      try {
        var other = JSON.parse(event.oldValue);
        if (other && other.id === draft.id && !draft.body) {
          spend(draft.id);
          fresh();
        }
      }
      catch (e) {
        // Not a draft.
      }
    }
  });
  if (draft.queued) {
    queue();
  }
}());
