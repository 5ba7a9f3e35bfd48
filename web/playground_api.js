// playground_api.js — window.playground: the scripting and test API (documented in API.md).
// Every method calls into the C++ app (web_bridge.cpp), the same code path the UI uses.
'use strict';
(function () {
  const host = window.playgroundHost;
  const ready = new Promise((resolve, reject) => {
    if (!host) { reject(new Error('the playground could not start')); return; }
    host.resolveReady = resolve;
    host.rejectReady = reject;
  });
  ready.catch(() => {});

  const M = () => window.Module;
  const str = (name, types, args) => M().ccall(name, 'string', types || [], args || []);
  const json = (name, types, args) => JSON.parse(str(name, types, args));
  const voidCall = (name, types, args) => M().ccall(name, null, types || [], args || []);
  // Large strings go through the heap, not the (small) stack ccall would use.
  function withHeapString(s, fn) {
    const len = M().lengthBytesUTF8(s) + 1;
    const ptr = M()._malloc(len);
    try { M().stringToUTF8(s, ptr, len); return fn(ptr); } finally { M()._free(ptr); }
  }
  function load(patternOrText, fromUi) {
    const text = typeof patternOrText === 'string' ? patternOrText : JSON.stringify(patternOrText);
    return withHeapString(text, (ptr) =>
      JSON.parse(M().ccall('pg_load_pattern', 'string', ['number', 'number'], [ptr, fromUi ? 1 : 0])));
  }
  function waitFor(id) {
    return new Promise((resolve) => {
      const poll = () => {
        const s = json('pg_state');
        if (s.completedRequest >= id) resolve(s);
        else requestAnimationFrame(poll);
      };
      poll();
    });
  }

  window.playground = {
    ready,
    loadPattern: (p) => load(p, false),
    _loadFromUi: (text) => load(text, true),
    getPattern: () => JSON.parse(str('pg_get_pattern')),
    fire: (nodeId, event) => withHeapString(JSON.stringify(event === undefined ? {} : event), (ptr) =>
      JSON.parse(M().ccall('pg_fire', 'string', ['string', 'number'], [String(nodeId), ptr]))),
    play: () => voidCall('pg_play'),
    pause: () => voidCall('pg_pause'),
    step: () => M().ccall('pg_step', 'number', [], []) === 1,
    reset: () => voidCall('pg_reset'),
    setSpeed: (x) => voidCall('pg_set_speed', ['number'], [Number(x)]),
    runFor: (simSeconds) => waitFor(M().ccall('pg_run_for', 'number', ['number'], [Number(simSeconds)])),
    metrics: () => json('pg_metrics'),
    outline: () => json('pg_outline'),
    selectNode: (id) => M().ccall('pg_select_node', 'number', ['string'], [String(id)]) === 1,
    state: () => json('pg_state'),
    frameStats: () => json('pg_frame_stats'),
    // {pending: browser input events not yet handed to the UI, frames: frames drawn so far,
    // longPresses: touches held still long enough to count as a right click}.
    inputState: () => ({ pending: M().ccall('pg_input_pending', 'number', [], []), frames: M().ccall('pg_frame_count', 'number', [], []),
      longPresses: M().ccall('pg_pointer_long_presses', 'number', [], []) }),
    layout: () => json('pg_canvas_layout'),
    undo: () => voidCall('pg_undo'),
    redo: () => voidCall('pg_redo'),
    newPattern: () => voidCall('pg_new'),
    setTheme: (name) => voidCall('pg_set_theme', ['number'], [name === 'light' ? 0 : 1]),
    fit: () => voidCall('pg_fit'),
    showPanel: (name) => voidCall('pg_show_tab', ['number'],
      [Math.max(0, ['gallery', 'problems', 'events', 'trace', 'charts', 'cost', 'inspector', , 'logs'].indexOf(name))]),
    logs: () => json('pg_logs'),
  };

  // ---- Learning: tours, challenges, quiz questions (playground/learn/, platform/learn_bridge.cpp) ----
  const learnState = () => json('pg_learn_state');
  // Resolves once `done(learnState())` is true (checked every frame; the work runs in slices).
  function waitLearn(done) {
    return new Promise((resolve) => {
      const poll = () => {
        const s = learnState();
        if (done(s)) resolve(s);
        else requestAnimationFrame(poll);
      };
      poll();
    });
  }
  // The content is fetched after start (outside the page's download): these wait for it first.
  const withContent = (call) => async (arg) => { await window.playground.loadCodeContent(); return call(arg); };
  Object.assign(window.playground, {
    learnList: withContent(() => json('pg_learn_list')),
    learnState,
    startTour: withContent((name) => json('pg_start_tour', ['string'], [String(name)])),
    tourStep: (k) => voidCall('pg_tour_step', ['number'], [Number(k)]),
    startChallenge: withContent((id) => json('pg_start_challenge', ['string'], [String(id)])),
    // Runs the open challenge's checks on the current design; resolves with
    // {passed, passed_count, checks: [{id, description, passed, measured}], runs, diagnostics}.
    checkChallenge: () => {
      const before = learnState();
      if (before.mode !== 'challenge') return Promise.reject(new Error('no challenge is open'));
      voidCall('pg_check_challenge');
      return waitLearn((s) => !s.challenge || (s.challenge.checksDone > before.challenge.checksDone && !s.challenge.checking))
        .then((s) => s.challenge ? s.challenge.result : null);
    },
    startQuiz: withContent((id) => json('pg_start_quiz', ['string'], [String(id)])),
    // Opens option `id`'s design and resolves with every option's measured numbers and the verdict.
    answerQuiz: (id) => {
      const r = json('pg_answer_quiz', ['string'], [String(id)]);
      if (!r.ok) return Promise.resolve(r);
      return waitLearn((s) => !s.quiz || (s.quiz.result && !s.quiz.running)).then((s) => s.quiz ? s.quiz.result : null);
    },
    closeLearn: () => voidCall('pg_close_learn'),
    // Fetches the learning content and the code patterns (patterns/code/gallery.json) if they have
    // not come yet; resolves true when this call made them arrive, false when they were already
    // here or could not be fetched (state().codeGallery says which).
    loadCodeContent: async () => {
      if (window.playground.state().codeGallery === 'ready') return false;
      voidCall('pg_request_code_gallery');
      while (window.playground.state().codeGallery === 'loading') await new Promise((done) => setTimeout(done, 50));
      return window.playground.state().codeGallery === 'ready';
    },
    showLearn: () => voidCall('pg_show_tab', ['number'], [7]),  // the Learn tab
  });
  // Page options: ?tour=rest-api, ?challenge=order-fan-out, ?quiz=decouple-with-sqs (each waits for
  // the fetched content).
  ready.then(() => {
    const params = new URLSearchParams(location.search);
    if (params.get('tour')) window.playground.startTour(params.get('tour'));
    else if (params.get('challenge')) window.playground.startChallenge(params.get('challenge'));
    else if (params.get('quiz')) window.playground.startQuiz(params.get('quiz'));
  });
})();
