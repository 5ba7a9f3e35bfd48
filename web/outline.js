// outline.js — the diagram as text beside the canvas, for screen readers and keyboard users: the
// run state in a live region, every service with its kind and live figures (a button that selects
// it), every link and every problem. Built from window.playground.outline() (app_outline.cpp) once
// a second; only text that changed is touched, so assistive technology hears changes, not churn.
'use strict';
(function () {
  const root = document.createElement('section');
  root.id = 'pg-outline';
  root.className = 'pg-sr';
  root.setAttribute('aria-label', 'Diagram outline');
  root.innerHTML = '<h2></h2><p role="status" aria-live="polite"></p><p></p>' +
    '<h3>Services</h3><ul></ul><h3>Links</h3><ul></ul><h3>Problems</h3><ul></ul>';
  const [title, state, clock] = root.querySelectorAll('h2, p');
  const [services, links, problems] = root.querySelectorAll('ul');
  const setText = (el, text) => { if (el.textContent !== text) el.textContent = text; };

  // Keeps one <li> per entry, in order; `fill(li, entry)` sets its content.
  function list(ul, entries, fill) {
    while (ul.children.length > entries.length) ul.lastChild.remove();
    while (ul.children.length < entries.length) ul.appendChild(document.createElement('li'));
    entries.forEach((e, i) => fill(ul.children[i], e));
  }
  const textItem = (li, text) => setText(li, text);
  function serviceItem(li, node) {
    let b = li.firstChild;
    if (!b) {
      b = li.appendChild(document.createElement('button'));
      b.type = 'button';
      b.onclick = () => window.playground.selectNode(b.dataset.id);
    }
    b.dataset.id = node.id;
    setText(b, node.text);
  }

  function update() {
    let o;
    try { o = window.playground.outline(); } catch { return; }
    setText(title, 'Diagram: ' + o.title);
    setText(state, o.state + (o.problems.length ? ` ${o.problems.length} problem${o.problems.length > 1 ? 's' : ''}.` : ''));
    setText(clock, o.clock);
    list(services, o.nodes, serviceItem);
    list(links, o.links, textItem);
    list(problems, o.problems.length ? o.problems : ['None.'], textItem);
  }

  window.playground.ready.then(() => {
    document.body.appendChild(root);
    update();
    setInterval(update, 1000);
  }, () => {});
})();
